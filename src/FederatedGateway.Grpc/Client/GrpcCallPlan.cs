using System.Text.Json;
using FederatedGateway.Grpc.Codec;
using FederatedGateway.Grpc.Translation;
using GraphQLParser.AST;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// A subgraph operation compiled against a gRPC source: which RPCs its root fields call with which arguments, or
/// how its <c>_entities</c> representations map to lookups, and the selections to write the answers with.
/// Compiled once per query text and cached.
/// </summary>
internal sealed class GrpcCallPlan
{
    public GrpcCallPlan(RootKind kind, IReadOnlyList<RootCall> roots)
    {
        Kind = kind;
        Roots = roots;
        HasResolvedRelations = roots.Any(root => root.Selection is { HasResolvedRelations: true }
            || (root.EntitySelections?.Values.Any(selection => selection.HasResolvedRelations) ?? false));
    }

    public RootKind Kind { get; }

    public IReadOnlyList<RootCall> Roots { get; }

    /// <summary>Whether the answers need entities of this source looked up through relations before they are written.</summary>
    public bool HasResolvedRelations { get; }
}

/// <summary>One root field: an RPC call, an <c>_entities</c> fetch, or <c>__typename</c>.</summary>
internal sealed class RootCall
{
    public RootCall(JsonEncodedText key, string path)
    {
        Key = key;
        Path = path;
    }

    public JsonEncodedText Key { get; }

    /// <summary>The response key as a string (error paths).</summary>
    public string Path { get; }

    public RpcBinding? Rpc { get; init; }

    /// <summary>The field's arguments by GraphQL name.</summary>
    public IReadOnlyList<GraphQLArgument> Arguments { get; init; } = [];

    /// <summary>
    /// The response's selection (null when the RPC returns Empty → Boolean), or with <see cref="ResponseField"/> the
    /// selection of that field's message (null for a scalar field).
    /// </summary>
    public OutputSelection? Selection { get; init; }

    /// <summary>For an unwrapped response: the field whose value is the root field's value.</summary>
    public ProtoField? ResponseField { get; init; }

    /// <summary>For <c>_entities</c>: the variable holding the representations.</summary>
    public string? RepresentationsVariable { get; init; }

    /// <summary>For <c>_entities</c>: the selection per entity type name.</summary>
    public IReadOnlyDictionary<string, OutputSelection>? EntitySelections { get; init; }

    /// <summary>The root type's name for <c>__typename</c>.</summary>
    public string? Typename { get; init; }

    public IReadOnlyList<InclusionCondition>? Conditions { get; init; }
}
