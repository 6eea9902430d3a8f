using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Sources;

/// <summary>
/// One client for every subgraph, whatever its URL (an embedding host's own transport, tests). Subscriptions go to
/// <paramref name="subscriber"/> when given, else to the client when it is also an <see cref="ISubgraphSubscriber"/>,
/// else over graphql-transport-ws (<see cref="WebSocketSubgraphSubscriber"/>, created on first use).
/// </summary>
public sealed class SingleClientFactory(ISubgraphClient client, ISubgraphSubscriber? subscriber = null) : ISubgraphClientFactory
{
    private readonly Lazy<ISubgraphSubscriber> _subscriber = new(() => subscriber ?? client as ISubgraphSubscriber ?? new WebSocketSubgraphSubscriber());

    public string Kind => "single";

    public bool CanHandle(SubgraphEndpoint subgraph) => true;

    public ISubgraphClient GetClient(SubgraphEndpoint subgraph) => client;

    public ISubgraphSubscriber? GetSubscriber(SubgraphEndpoint subgraph) => _subscriber.Value;
}
