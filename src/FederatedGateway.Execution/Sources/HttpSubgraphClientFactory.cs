using System.Collections.Concurrent;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Sources;

/// <summary>
/// GraphQL subgraphs over HTTP(S): fetches with <see cref="HttpSubgraphClient"/> (GraphQL over HTTP), subscriptions
/// with <see cref="WebSocketSubgraphSubscriber"/> (graphql-transport-ws). Both are created on first use and shared.
/// </summary>
public sealed class HttpSubgraphClientFactory : ISubgraphClientFactory, IDisposable
{
    private readonly Lazy<ISubgraphClient> _client;
    private readonly Lazy<ISubgraphSubscriber> _subscriber;
    private readonly Func<SubgraphEndpoint, ISubgraphClient?>? _dedicated;
    private readonly Action<SubgraphEndpoint>? _check;
    private readonly ConcurrentDictionary<string, Lazy<ISubgraphClient>> _tlsClients = new(StringComparer.Ordinal);

    public HttpSubgraphClientFactory(Func<ISubgraphClient> client, Func<ISubgraphSubscriber> subscriber)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(subscriber);
        _client = new Lazy<ISubgraphClient>(client);
        _subscriber = new Lazy<ISubgraphSubscriber>(subscriber);
    }

    public HttpSubgraphClientFactory(HttpSubgraphClientOptions? options = null, WebSocketSubgraphSubscriberOptions? subscriptions = null)
        : this(() => Create(options ?? new HttpSubgraphClientOptions()), () => new WebSocketSubgraphSubscriber(subscriptions ?? new WebSocketSubgraphSubscriberOptions()))
    {
    }

    /// <summary>A client for <paramref name="options"/>, deduplicating identical query fetches when they ask for it.</summary>
    private static ISubgraphClient Create(HttpSubgraphClientOptions options)
    {
        var client = new HttpSubgraphClient(options);
        return options.DeduplicateQueries ? new DeduplicatingSubgraphClient(client) : client;
    }

    /// <summary>
    /// Subgraphs over HTTP(S) with their own TLS settings: a subgraph named in <paramref name="tlsBySubgraph"/> gets a
    /// client (and connection pool) of its own with that client certificate and those trusted roots.
    /// <paramref name="check"/> sees every subgraph before it is served and may refuse it by throwing
    /// <see cref="InvalidOperationException"/> (e.g. credentials that would travel in plain text).
    /// </summary>
    public HttpSubgraphClientFactory(
        HttpSubgraphClientOptions options, WebSocketSubgraphSubscriberOptions? subscriptions,
        IReadOnlyDictionary<string, SubgraphTls> tlsBySubgraph, Action<SubgraphEndpoint>? check = null)
        : this(options, subscriptions)
    {
        ArgumentNullException.ThrowIfNull(tlsBySubgraph);
        _check = check;
        if (tlsBySubgraph.Count > 0)
        {
            _dedicated = endpoint => tlsBySubgraph.TryGetValue(endpoint.Name, out var tls)
                ? _tlsClients.GetOrAdd(endpoint.Name, _ => new Lazy<ISubgraphClient>(() => Create(options.WithTls(tls)))).Value
                : null;
        }
    }

    public string Kind => "graphql-http";

    public bool CanHandle(SubgraphEndpoint subgraph) =>
        Uri.TryCreate(subgraph.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public ISubgraphClient GetClient(SubgraphEndpoint subgraph)
    {
        _check?.Invoke(subgraph);
        return _dedicated?.Invoke(subgraph) ?? _client.Value;
    }

    public ISubgraphSubscriber? GetSubscriber(SubgraphEndpoint subgraph) => _subscriber.Value;

    public void Dispose()
    {
        foreach (var client in _tlsClients.Values)
        {
            if (client.IsValueCreated)
            {
                (client.Value as IDisposable)?.Dispose();
            }
        }

        if (_client.IsValueCreated)
        {
            (_client.Value as IDisposable)?.Dispose();
        }

        if (_subscriber.IsValueCreated)
        {
            (_subscriber.Value as IDisposable)?.Dispose();
        }
    }
}
