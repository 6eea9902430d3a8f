using FederatedGateway.Core.Composition;

namespace FederatedGateway.Core.CompositionConfig;

/// <summary>
/// Builds the subgraph schema of a <c>schema: { &lt;kind&gt;: … }</c> entry of a source kind other than GraphQL
/// (gRPC, OpenAPI, SOAP; each provided by its package); null leaves the subgraph out of this composition (a source
/// down at start that its package tries again in the background).
/// </summary>
public delegate Task<SubgraphSource?> SubgraphSchemaResolver(SubgraphConfig subgraph, CancellationToken cancellationToken);

/// <summary>The resolver of one source kind, named by its key under <c>schema:</c> (<c>grpc</c>, <c>openapi</c>, <c>soap</c>).</summary>
public sealed record SourceKindResolver(string Kind, SubgraphSchemaResolver Resolve);
