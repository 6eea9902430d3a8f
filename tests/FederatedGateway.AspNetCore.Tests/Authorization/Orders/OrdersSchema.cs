using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Orders;

public sealed class OrdersSchema : Schema
{
    public OrdersSchema(IServiceProvider services, OrdersQuery query, TraderType trader, OrderType order)
        : base(services)
    {
        Query = query;
        RegisterType(trader);
        RegisterType(order);
    }
}
