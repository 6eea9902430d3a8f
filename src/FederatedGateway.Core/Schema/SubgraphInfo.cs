namespace FederatedGateway.Core.Schema;

/// <summary>One subgraph named by the supergraph's <c>join__Graph</c> enum.</summary>
public sealed record SubgraphInfo(string EnumValue, string Name, string Url);
