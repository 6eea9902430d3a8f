using FederatedGateway.Demo.Subgraphs.Orders.Data;
using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>
/// <c>type Trader @key(fields: "id")</c>: owned by accounts. This subgraph adds <c>orders</c> and
/// <c>remainingOrderCapacity</c>, which <c>@requires</c> the accounts subgraph's <c>maxOpenOrders</c>; its external
/// <c>baseCurrency</c> is what <c>Order.fxRate</c> requires.
/// </summary>
internal sealed class TraderType : ObjectGraphType<TraderRef>
{
    public TraderType(OrderBook orders)
    {
        Name = "Trader";
        this.Key("id");
        this.ResolveReference((_, trader) => trader);

        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<IntGraphType>, int?>("maxOpenOrders")
            .External()
            .Resolve(context => context.Source.MaxOpenOrders);
        Field<NonNullGraphType<StringGraphType>, string?>("baseCurrency")
            .External()
            .Resolve(context => context.Source.BaseCurrency);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderType>>>, IReadOnlyList<Order>>("orders")
            .Description("The trader's orders, newest last, optionally only those in one status.")
            .Argument<OrderStatusType>("status")
            .Resolve(context => orders.OfTrader(context.Source.Id, context.GetArgument<OrderStatus?>("status")));
        Field<IntGraphType, int?>("remainingOrderCapacity")
            .Description("How many more orders the trader may open: maxOpenOrders minus the open orders.")
            .Requires("maxOpenOrders")
            .Resolve(context =>
            {
                var max = context.Source.MaxOpenOrders
                    ?? throw new ExecutionError("Trader.maxOpenOrders was not provided; Trader.remainingOrderCapacity @requires it.") { Code = "MISSING_REQUIRED_FIELDS" };
                return Math.Max(0, max - orders.OfTrader(context.Source.Id, OrderStatus.Open).Count);
            });
    }
}
