using System.Collections.Concurrent;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Sources;

/// <summary>
/// The gateway's gRPC sources by subgraph name, and their translated schemas loaded on first use and kept. A subgraph
/// that was not registered is read through server reflection at its routing URL. A failed load is not kept, so the
/// next fetch tries again.
/// </summary>
public sealed class GrpcSourceRegistry : IGrpcSchemaProvider
{
    private readonly ConcurrentDictionary<string, GrpcSourceDefinition> _sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Name, string Url), Lazy<Task<GrpcSchema>>> _schemas = new();

    /// <summary>How long loading one source may take (reflection round trips).</summary>
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Declares (or replaces) the source of subgraph <paramref name="subgraphName"/>.</summary>
    public GrpcSourceRegistry Add(string subgraphName, GrpcSourceDefinition source)
    {
        ArgumentException.ThrowIfNullOrEmpty(subgraphName);
        ArgumentNullException.ThrowIfNull(source);
        _sources[subgraphName] = source;
        foreach (var key in _schemas.Keys.Where(k => string.Equals(k.Name, subgraphName, StringComparison.OrdinalIgnoreCase)))
        {
            _schemas.TryRemove(key, out _);
        }

        return this;
    }

    /// <summary>Declares a subgraph served by an already translated schema.</summary>
    public GrpcSourceRegistry Add(string subgraphName, GrpcSchema schema, string url)
    {
        _schemas[(subgraphName, url)] = new Lazy<Task<GrpcSchema>>(Task.FromResult(schema));
        return this;
    }

    public bool TryGetSource(string subgraphName, out GrpcSourceDefinition source) =>
        _sources.TryGetValue(subgraphName, out source!);

    public async ValueTask<GrpcSchema> GetSchemaAsync(string subgraphName, string url, CancellationToken cancellationToken)
    {
        var key = (subgraphName, url);
        var lazy = _schemas.GetOrAdd(key, k => new Lazy<Task<GrpcSchema>>(() =>
        {
            var source = _sources.GetValueOrDefault(k.Name) ?? new GrpcSourceDefinition { Reflection = true };
            return GrpcSourceLoader.LoadAsync(source, k.Url, LoadTimeout, CancellationToken.None);
        }));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GrpcSourceException)
        {
            _schemas.TryRemove(new KeyValuePair<(string, string), Lazy<Task<GrpcSchema>>>(key, lazy));
            throw;
        }
    }
}
