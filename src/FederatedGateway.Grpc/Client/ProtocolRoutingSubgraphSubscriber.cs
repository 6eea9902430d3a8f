using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Grpc.Descriptors;

namespace FederatedGateway.Grpc.Client;

/// <summary>Routes each subscription by its subgraph URL's scheme: <c>grpc://</c>/<c>grpcs://</c> to server-streaming RPCs, anything else to the GraphQL subscriber.</summary>
public sealed class ProtocolRoutingSubgraphSubscriber : ISubgraphSubscriber
{
    private readonly ISubgraphSubscriber _graphql;
    private readonly ISubgraphSubscriber _grpc;

    public ProtocolRoutingSubgraphSubscriber(ISubgraphSubscriber graphql, ISubgraphSubscriber grpc)
    {
        ArgumentNullException.ThrowIfNull(graphql);
        ArgumentNullException.ThrowIfNull(grpc);
        _graphql = graphql;
        _grpc = grpc;
    }

    public IAsyncEnumerable<SubgraphEvent> SubscribeAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GrpcAddress.IsGrpc(request.Url) ? _grpc.SubscribeAsync(request, cancellationToken) : _graphql.SubscribeAsync(request, cancellationToken);
    }
}
