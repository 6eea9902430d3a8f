using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Orders;

public sealed class OrderType : ObjectGraphType<Order>
{
    public OrderType()
    {
        Name = "Order";
        this.Key("id");
        this.ResolveReference<OrderKey, Order>((_, key) => TradingData.Orders.FirstOrDefault(o => o.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
        Field<NonNullGraphType<StringGraphType>>("secretNote").Resolve(c => c.Source.SecretNote);
    }
}
