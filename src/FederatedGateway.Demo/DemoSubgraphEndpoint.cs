namespace FederatedGateway.Demo;

/// <summary>A running demo subgraph: its name (as in the supergraph) and the URL of its GraphQL endpoint.</summary>
public sealed record DemoSubgraphEndpoint(string Name, Uri Url);
