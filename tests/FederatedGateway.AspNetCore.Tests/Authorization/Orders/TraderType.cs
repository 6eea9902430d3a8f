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
