using FederatedGateway.Demo.Subgraphs.Orders.Models;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>
/// <c>type Settlement @key(fields: "orderId", resolvable: false)</c>: owned by the REST settlement service (an OpenAPI
/// source of the gateway, which looks it up there); this subgraph only points at it.
/// </summary>
internal sealed class SettlementType() : UnresolvableEntityType<SettlementRef>("Settlement", "orderId", s => s.OrderId);
