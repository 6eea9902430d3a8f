using System.Text.Json;
using FederatedGateway.Execution.Compilation;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Execution;

/// <summary>Everything one request's execution accumulates; disposed once the response is written.</summary>
internal sealed class ExecutionState : IDisposable
{
    private readonly List<IDisposable> _owned = new();

    /// <param name="aborted">The caller's token: cancelled when the client left (then execution stops and throws).</param>
    public ExecutionState(
        CompiledOperation compiled,
        JsonElement variables,
        IReadOnlyDictionary<string, bool> booleans,
        Headers.SubgraphHeaders? headers,
        SubgraphErrorPolicy? errorPolicy = null,
        CancellationToken aborted = default)
    {
        Compiled = compiled;
        Variables = variables;
        Booleans = booleans;
        Headers = headers ?? FederatedGateway.Execution.Headers.SubgraphHeaders.None;
        ErrorPolicy = errorPolicy ?? SubgraphErrorPolicy.ExposeAll;
        Aborted = aborted;
        Arena = ResultArenaPool.Shared.Rent(compiled.ResultTreeSizeHint);
        Data = Arena.RentObject(4);
    }

    /// <summary>The merged data. Fetches run in parallel; reading and merging it happens under <see cref="MergeLock"/>.</summary>
    public ResultObject Data { get; }

    /// <summary>
    /// Where the request's result tree comes from, returned when the response has been written. Reading an answer
    /// into it and merging (which grows and copies objects) hold its <see cref="ResultArena.Gate"/>.
    /// </summary>
    public ResultArena Arena { get; }

    /// <summary>Serializes access to <see cref="Data"/> between the parallel branches of this request.</summary>
    public Lock MergeLock { get; } = new();

    /// <summary>
    /// The request's errors in plan order: each parallel branch collects into its own list, appended here in
    /// branch order, so the order does not depend on which subgraph answered first.
    /// </summary>
    public List<GatewayError> Errors { get; } = new();

    /// <summary>When each fetch ran; only for a request that asked for its query plan.</summary>
    public FetchTimings? Timings { get; init; }

    /// <summary>The operation's compiled fetches and shapes.</summary>
    public CompiledOperation Compiled { get; }

    public JsonElement Variables { get; }

    public IReadOnlyDictionary<string, bool> Booleans { get; }

    public Headers.SubgraphHeaders Headers { get; }

    /// <summary>What the client sees of subgraph errors, and where the rest is logged.</summary>
    public SubgraphErrorPolicy ErrorPolicy { get; }

    /// <summary>
    /// The caller's token. Fetches run on a token that also fires at the request's deadline; a fetch cancelled while
    /// this one is not was cut short by the deadline.
    /// </summary>
    public CancellationToken Aborted { get; }

    /// <summary>
    /// Keeps a subgraph answer (whose buffer the result's leaves point into) and the document of its errors alive
    /// until the response is written.
    /// </summary>
    public void Own(SubgraphResponse response, JsonDocument? errors)
    {
        lock (_owned)
        {
            if (errors is not null)
            {
                _owned.Add(errors);
            }

            _owned.Add(response);
        }
    }

    public void Dispose()
    {
        lock (_owned)
        {
            // A second dispose finds nothing owned, and the pool ignores a second return of the arena.
            // The tree's size tells the operation's next request which kind of arena to take (its root object
            // counts, so a second dispose, after the arena has been recycled, finds 0 and records nothing). Written
            // only when it changed: requests of one operation on other cores read that line.
            if (Arena.InUse is var size and > 0 && size != Compiled.ResultTreeSizeHint)
            {
                Compiled.ResultTreeSizeHint = size;
            }

            Arena.Return();

            // Each document before the buffer it reads from.
            foreach (var item in _owned)
            {
                item.Dispose();
            }

            _owned.Clear();
        }
    }
}
