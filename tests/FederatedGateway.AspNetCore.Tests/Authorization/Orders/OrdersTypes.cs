using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Orders;

/// <summary>Trader as the orders subgraph extends it: its orders, and a capacity that @requires accounts' maxOpenOrders.</summary>
public sealed class TraderType : ObjectGraphType<TraderKey>
{
    public TraderType()
    {
        Name = "Trader";
        this.Key("id");
        this.ResolveReference<TraderKey, TraderKey>((_, key) => key);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("maxOpenOrders").External().Resolve(c => c.Source.MaxOpenOrders);
        Field<NonNullGraphType<IntGraphType>>("remainingCapacity").Requires("maxOpenOrders")
            .Resolve(c => c.Source.MaxOpenOrders is { } max
                ? max - TradingData.Orders.Count(o => o.TraderId == c.Source.Id)
                : throw new ExecutionError("maxOpenOrders not provided"));
        Field<ListGraphType<NonNullGraphType<OrderType>>>("orders")
            .Resolve(c => TradingData.Orders.Where(o => o.TraderId == c.Source.Id).ToList());
    }
}

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

public sealed class OrdersQuery : ObjectGraphType
{
    public OrdersQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<IntGraphType>>("orderCount").Resolve(_ => TradingData.Orders.Length);
    }
}

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
