using FederatedGateway.Core.Composition;

namespace FederatedGateway.Core.CompositionConfig;

/// <summary>
/// Builds the subgraph schema of a <c>schema: { grpc: … }</c> entry (provided by the gRPC support); null leaves the
/// subgraph out of this composition (a source down at start that the gRPC support tries again in the background).
/// </summary>
public delegate Task<SubgraphSource?> GrpcSchemaResolver(SubgraphConfig subgraph, CancellationToken cancellationToken);
