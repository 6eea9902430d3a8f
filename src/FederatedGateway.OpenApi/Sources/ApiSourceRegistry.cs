using System.Collections.Concurrent;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>
/// The REST and SOAP sources of the gateway by subgraph name, filled by composition (the source kinds' resolvers) and
/// read by the client factories; a new composition replaces a subgraph's source.
/// </summary>
public sealed class ApiSourceRegistry
{
    private readonly ConcurrentDictionary<string, ApiSource> _sources = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string subgraph, ApiSource source) => _sources[subgraph] = source;

    public bool TryGet(string subgraph, out ApiSource source) => _sources.TryGetValue(subgraph, out source!);
}
