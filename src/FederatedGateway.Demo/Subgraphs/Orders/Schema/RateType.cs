using FederatedGateway.Demo.Subgraphs.Orders.Models;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>
/// <c>type Rate @key(fields: "pair", resolvable: false)</c>: owned by the SOAP FX service (a SOAP source of the
/// gateway, which looks it up there); this subgraph only points at it.
/// </summary>
internal sealed class RateType() : UnresolvableEntityType<RateRef>("Rate", "pair", r => r.Pair);
