using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Execution.Execution;

namespace FederatedGateway.Execution.Compilation;

/// <summary>
/// One fetch of a compiled plan: the plan node, its operation text JSON-encoded once (for GraphQL-over-HTTP bodies),
/// and whatever the subgraph's source compiled for it (<see cref="SourceState"/>). Owned by its
/// <see cref="CompiledOperation"/>, so it lives as long as the prepared operation and dies with the snapshot.
/// </summary>
public sealed class CompiledFetch
{
    internal CompiledFetch(FetchNode node)
    {
        Node = node;
        OperationLiteral = JsonStringLiteral.Encode(node.Operation);
    }

    /// <summary>The plan's fetch.</summary>
    public FetchNode Node { get; }

    /// <summary>The subgraph operation as a JSON string literal in UTF-8, quotes included (see <see cref="JsonStringLiteral"/>).</summary>
    public ReadOnlyMemory<byte> OperationLiteral { get; }

    /// <summary>
    /// What the fetch's source prepared for it on first use (the gRPC source: its calls, with the descriptors they were
    /// compiled against), so a fetch is compiled once per prepared operation rather than per request or per query text.
    /// Written without a lock: two requests racing compile the same thing and one result is kept.
    /// </summary>
    public object? SourceState
    {
        get => Volatile.Read(ref _sourceState);
        set => Volatile.Write(ref _sourceState, value);
    }

    private object? _sourceState;

    /// <summary>The fetch's flat-key representations, prepared per <c>__typename</c> on first use (entity fetches only).</summary>
    internal FlatRepresentations Representations => _representations ??= new FlatRepresentations(Node.Requirements);

    private FlatRepresentations? _representations;
}
