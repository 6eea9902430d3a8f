namespace FederatedGateway.Core.Operations;

/// <summary>A variable the operation declares: its type and default as GraphQL text, for subgraph requests.</summary>
public sealed record VariableDefinition(string Name, string Type, string? DefaultValue);
