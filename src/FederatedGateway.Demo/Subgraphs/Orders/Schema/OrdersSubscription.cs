using FederatedGateway.Demo.Subgraphs.Orders.Data;
using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>The orders subgraph's <c>Subscription</c> type: order status changes, served over graphql-transport-ws.</summary>
internal sealed class OrdersSubscription : ObjectGraphType
{
    public OrdersSubscription(OrderStatusFeed feed)
    {
        Name = "Subscription";

        Field<NonNullGraphType<OrderType>, Order>("orderStatusChanged")
            .Description("An order each time its status changes (placed, cancelled); only one order's or one trader's when given.")
            .Argument<IdGraphType>("orderId")
            .Argument<IdGraphType>("traderId")
            .ResolveStream(context => feed.Watch(context.GetArgument<string?>("orderId"), context.GetArgument<string?>("traderId")))
            .Resolve(context => (Order)context.Source!);
    }
}
