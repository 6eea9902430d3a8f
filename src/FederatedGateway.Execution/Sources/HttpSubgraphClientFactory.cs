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

    public HttpSubgraphClientFactory(Func<ISubgraphClient> client, Func<ISubgraphSubscriber> subscriber)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(subscriber);
        _client = new Lazy<ISubgraphClient>(client);
        _subscriber = new Lazy<ISubgraphSubscriber>(subscriber);
    }

    public HttpSubgraphClientFactory(HttpSubgraphClientOptions? options = null, WebSocketSubgraphSubscriberOptions? subscriptions = null)
        : this(() => new HttpSubgraphClient(options ?? new HttpSubgraphClientOptions()), () => new WebSocketSubgraphSubscriber(subscriptions ?? new WebSocketSubgraphSubscriberOptions()))
    {
    }

    public string Kind => "graphql-http";

    public bool CanHandle(SubgraphEndpoint subgraph) =>
        Uri.TryCreate(subgraph.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public ISubgraphClient GetClient(SubgraphEndpoint subgraph) => _client.Value;

    public ISubgraphSubscriber? GetSubscriber(SubgraphEndpoint subgraph) => _subscriber.Value;

    public void Dispose()
    {
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
