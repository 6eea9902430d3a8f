using FederatedGateway.Demo.Subgraphs.Orders.Data;
using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>The orders subgraph's <c>Query</c> type.</summary>
internal sealed class OrdersQuery : ObjectGraphType
{
    public OrdersQuery(OrderBook orders)
    {
        Name = "Query";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderType>>>, IReadOnlyList<Order>>("orders")
            .Description("All orders, optionally only those in one status.")
            .Argument<OrderStatusType>("status")
            .Resolve(context => orders.All(context.GetArgument<OrderStatus?>("status")));

        Field<OrderType, Order>("order")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context => orders.Find(context.GetArgument<string>("id")));
    }
}
