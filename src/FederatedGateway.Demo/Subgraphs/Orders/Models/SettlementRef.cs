namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>An order's settlement, owned by the REST settlement service: only its key, the order's id.</summary>
internal sealed record SettlementRef(string OrderId);
