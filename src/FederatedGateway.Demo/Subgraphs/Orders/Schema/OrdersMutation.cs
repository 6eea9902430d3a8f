using FederatedGateway.Demo.Subgraphs.Orders.Data;
using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>The orders subgraph's <c>Mutation</c> type. Invalid requests fail with <c>extensions.code</c> set.</summary>
internal sealed class OrdersMutation : ObjectGraphType
{
    public OrdersMutation(OrderBook orders, InstrumentCatalog catalog)
    {
        Name = "Mutation";

        Field<NonNullGraphType<OrderType>, Order>("placeOrder")
            .Description("Places an open limit order.")
            .Argument<NonNullGraphType<PlaceOrderInputType>>("input")
            .Resolve(context =>
            {
                var input = context.GetArgument<PlaceOrderInput>("input");
                if (input.Quantity <= 0)
                    throw BadInput($"quantity must be positive, got {input.Quantity}.");
                if (!(input.LimitPrice > 0) || double.IsInfinity(input.LimitPrice))
                    throw BadInput($"limitPrice must be a positive number, got {input.LimitPrice.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
                if (string.IsNullOrWhiteSpace(input.TraderId))
                    throw BadInput("traderId must not be empty.");
                var instrument = catalog.Find(input.Symbol) ?? throw BadInput($"Unknown instrument symbol '{input.Symbol}'.");
                return orders.Place(input.TraderId, instrument, input.Side, input.Quantity, input.LimitPrice);
            });

        Field<NonNullGraphType<OrderType>, Order>("cancelOrder")
            .Description("Cancels an open order.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context =>
            {
                var id = context.GetArgument<string>("id");
                return orders.Cancel(id, out var order) switch
                {
                    CancelOutcome.Cancelled => order!,
                    CancelOutcome.NotFound => throw new ExecutionError($"No order has id '{id}'.") { Code = "NOT_FOUND" },
                    _ => throw new ExecutionError($"Order '{id}' is {order!.Status.ToString().ToUpperInvariant()} and can no longer be cancelled.") { Code = "ORDER_NOT_OPEN" },
                };
            });
    }

    private static ExecutionError BadInput(string message) => new(message) { Code = "BAD_USER_INPUT" };
}
