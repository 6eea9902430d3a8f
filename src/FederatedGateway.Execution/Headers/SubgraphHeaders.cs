namespace FederatedGateway.Execution.Headers;

/// <summary>The headers one request sends to each subgraph: one list for all, or a list per subgraph.</summary>
public sealed class SubgraphHeaders
{
    private readonly IReadOnlyList<KeyValuePair<string, string>>? _all;
    private readonly Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>?>? _bySubgraph;

    private SubgraphHeaders(IReadOnlyList<KeyValuePair<string, string>>? all, Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>?>? bySubgraph)
    {
        _all = all;
        _bySubgraph = bySubgraph;
    }

    public static SubgraphHeaders None { get; } = new(null, null);

    /// <summary>The same headers for every subgraph.</summary>
    public static SubgraphHeaders Same(IReadOnlyList<KeyValuePair<string, string>>? headers) =>
        headers is null || headers.Count == 0 ? None : new(headers, null);

    /// <summary>Headers per subgraph; a subgraph not listed gets <paramref name="others"/>.</summary>
    public static SubgraphHeaders PerSubgraph(
        IReadOnlyList<KeyValuePair<string, string>>? others, Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>?> bySubgraph) =>
        new(others, bySubgraph);

    /// <summary>The headers for <paramref name="serviceName"/>; null when none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? For(string serviceName) =>
        _bySubgraph is not null && _bySubgraph.TryGetValue(serviceName, out var own) ? own : _all;
}
