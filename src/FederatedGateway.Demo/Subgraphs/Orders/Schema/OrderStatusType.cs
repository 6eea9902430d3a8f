using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary><c>enum OrderStatus { OPEN FILLED CANCELLED }</c>.</summary>
internal sealed class OrderStatusType : EnumerationGraphType<OrderStatus>
{
    public OrderStatusType()
    {
        Name = "OrderStatus";
    }
}
