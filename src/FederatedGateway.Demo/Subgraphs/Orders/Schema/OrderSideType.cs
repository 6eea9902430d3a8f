using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary><c>enum OrderSide { BUY SELL }</c>.</summary>
internal sealed class OrderSideType : EnumerationGraphType<OrderSide>
{
    public OrderSideType()
    {
        Name = "OrderSide";
    }
}
