using System.Collections.Concurrent;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>
/// The OpenAPI sources of the gateway by subgraph name, filled by composition (<see cref="OpenApiConfigSources"/>) and
/// read by the client factory; a new composition replaces a subgraph's source.
/// </summary>
public sealed class OpenApiSourceRegistry
{
    private readonly ConcurrentDictionary<string, OpenApiSource> _sources = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string subgraph, OpenApiSource source) => _sources[subgraph] = source;

    public bool TryGet(string subgraph, out OpenApiSource source) => _sources.TryGetValue(subgraph, out source!);
}
