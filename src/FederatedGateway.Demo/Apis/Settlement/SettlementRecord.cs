namespace FederatedGateway.Demo.Apis.Settlement;

/// <summary>How an order's trade settles: the <c>Settlement</c> schema of <c>schemas/openapi/settlement.json</c>.</summary>
internal sealed record SettlementRecord(string OrderId, SettlementStatus Status, DateOnly SettlementDate, double Amount, string Currency, string CounterpartyId);
