using FederatedGateway.Core.Schema;
using FederatedGateway.Execution.Sources;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Where each subgraph of a snapshot lives and which source serves it: for each subgraph (URL overrides applied) the
/// first <see cref="ISubgraphClientFactory"/> that can handle it (those that claim subgraphs by name asked first)
/// gives its client and subscriber. A subgraph no
/// source can serve fails its fetches with a clear error; the rest of the graph is served.
/// </summary>
public sealed class SubgraphRegistry
{
    private readonly Dictionary<string, SubgraphRoute> _entries = new(StringComparer.Ordinal);

    public SubgraphRegistry(FederatedSchema schema, IReadOnlyList<ISubgraphClientFactory> sources, IReadOnlyDictionary<string, string>? urlOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(sources);
        sources = [.. sources.Where(s => s.ServesByName), .. sources.Where(s => !s.ServesByName)];
        foreach (var subgraph in schema.Subgraphs)
        {
            var url = urlOverrides is not null && urlOverrides.TryGetValue(subgraph.Name, out var overridden) ? overridden : subgraph.Url;
            var endpoint = new SubgraphEndpoint(subgraph.Name, url);
            var source = sources.FirstOrDefault(s => s.CanHandle(endpoint));
            _entries[subgraph.Name] = source is null
                ? new SubgraphRoute(url, "none", new UnroutableSubgraphClient(UnroutableMessage(endpoint, sources)), null)
                : new SubgraphRoute(url, source.Kind, source.GetClient(endpoint), source.GetSubscriber(endpoint));
        }
    }

    /// <summary>Every subgraph served by <paramref name="client"/> (an embedding host's transport, tests).</summary>
    public SubgraphRegistry(FederatedSchema schema, ISubgraphClient client, IReadOnlyDictionary<string, string>? urlOverrides = null)
        : this(schema, [new SingleClientFactory(client)], urlOverrides)
    {
    }

    /// <summary>The subgraph's URL and client.</summary>
    /// <exception cref="InvalidOperationException">The plan names a subgraph the schema does not have.</exception>
    public (string Url, ISubgraphClient Client) Get(string serviceName)
    {
        var route = Route(serviceName);
        return (route.Url, route.Client);
    }

    /// <summary>Every subgraph's name and route.</summary>
    public IEnumerable<KeyValuePair<string, SubgraphRoute>> Routes => _entries;

    /// <summary>Everything known of how the subgraph is reached.</summary>
    public SubgraphRoute Route(string serviceName) =>
        _entries.TryGetValue(serviceName, out var entry)
            ? entry
            : throw new InvalidOperationException($"Unknown subgraph \"{serviceName}\".");

    private static string UnroutableMessage(SubgraphEndpoint endpoint, IReadOnlyList<ISubgraphClientFactory> sources) =>
        $"No source serves subgraph \"{endpoint.Name}\": its URL's scheme is not one of this gateway's source kinds ({string.Join(", ", sources.Select(s => s.Kind))}).";
}

/// <summary>How one subgraph is reached: its URL, the kind of source serving it, its client, and its subscriber (null when the source has none).</summary>
public sealed record SubgraphRoute(string Url, string SourceKind, ISubgraphClient Client, ISubgraphSubscriber? Subscriber);
