namespace FederatedGateway.Demo.Apis.Settlement;

/// <summary>A bank or broker the desk settles with: the <c>Counterparty</c> schema of <c>schemas/openapi/settlement.json</c>.</summary>
internal sealed record Counterparty(string Id, string Name, string Country);
