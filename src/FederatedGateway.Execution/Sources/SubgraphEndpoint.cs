namespace FederatedGateway.Execution.Sources;

/// <summary>A subgraph as the sources see it: its name and where it lives (the supergraph's URL, or its override).</summary>
public readonly record struct SubgraphEndpoint(string Name, string Url);
