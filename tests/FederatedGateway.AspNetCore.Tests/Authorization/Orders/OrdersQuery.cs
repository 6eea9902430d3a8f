using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Orders;

public sealed class OrdersQuery : ObjectGraphType
{
    public OrdersQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<IntGraphType>>("orderCount").Resolve(_ => TradingData.Orders.Length);
    }
}
