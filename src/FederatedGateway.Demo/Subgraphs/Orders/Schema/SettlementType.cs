using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>
/// <c>type Settlement @key(fields: "orderId", resolvable: false)</c>: owned by the REST settlement service (an OpenAPI
/// source of the gateway, which looks it up there); this subgraph only points at it.
/// </summary>
internal sealed class SettlementType : ObjectGraphType<SettlementRef>
{
    public SettlementType()
    {
        Name = "Settlement";
        this.Key("orderId", resolvable: false);
        Field(s => s.OrderId);
    }
}
