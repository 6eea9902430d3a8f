using FederatedGateway.Core.Composition;

namespace FederatedGateway.Core.CompositionConfig;

/// <summary>Builds the subgraph schema of a <c>schema: { grpc: … }</c> entry (provided by the gRPC support).</summary>
public delegate Task<SubgraphSource> GrpcSchemaResolver(SubgraphConfig subgraph, CancellationToken cancellationToken);
