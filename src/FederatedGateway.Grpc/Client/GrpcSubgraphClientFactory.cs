using FederatedGateway.Execution.Sources;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Grpc.Descriptors;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// gRPC services (<c>grpc://</c>, <c>grpcs://</c>) as subgraphs: fetches and subscriptions (server-streaming RPCs)
/// both go to one <see cref="GrpcSubgraphClient"/>, created on first use: a gateway without gRPC subgraphs never
/// creates it.
/// </summary>
public sealed class GrpcSubgraphClientFactory : ISubgraphClientFactory
{
    private readonly Lazy<GrpcSubgraphClient> _client;

    public GrpcSubgraphClientFactory(Func<GrpcSubgraphClient> client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = new Lazy<GrpcSubgraphClient>(client);
    }

    public string Kind => "grpc";

    public bool CanHandle(SubgraphEndpoint subgraph) => GrpcAddress.IsGrpc(subgraph.Url);

    public ISubgraphClient GetClient(SubgraphEndpoint subgraph) => _client.Value;

    public ISubgraphSubscriber? GetSubscriber(SubgraphEndpoint subgraph) => _client.Value;
}
