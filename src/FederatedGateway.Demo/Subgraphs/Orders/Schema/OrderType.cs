using FederatedGateway.Demo.Subgraphs.Orders.Data;
using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>
/// <c>type Order @key(fields: "id")</c>: owned here. <c>instrument</c> provides the instrument's <c>name</c>;
/// <c>notional</c> requires the instrument's <c>lastPrice</c> and <c>currency</c> from portfolio.
/// </summary>
internal sealed class OrderType : ObjectGraphType<Order>
{
    public OrderType()
    {
        Name = "Order";
        Description = "A limit order.";
        this.Key("id");
        this.ResolveReference<OrderKey, Order>((context, key) =>
        {
            var order = context.RequestServices!.GetRequiredService<OrderBook>().Find(key.Id);
            if (order is null || key.Instrument is not { } required)
                return order;
            return order with { Instrument = order.Instrument with { LastPrice = required.LastPrice, Currency = required.Currency } };
        });

        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<TraderType>, TraderRef>("trader")
            .Resolve(context => new TraderRef { Id = context.Source.TraderId });
        Field<NonNullGraphType<InstrumentType>, InstrumentRef>("instrument")
            .Provides("name")
            .Resolve(context => context.Source.Instrument);
        Field(o => o.Side, type: typeof(NonNullGraphType<OrderSideType>));
        Field(o => o.Quantity);
        Field(o => o.LimitPrice).Description("Worst acceptable price per unit, in the instrument's currency.");
        Field(o => o.Status, type: typeof(NonNullGraphType<OrderStatusType>));
        Field(o => o.CreatedAt, type: typeof(NonNullGraphType<DateTimeGraphType>));
        Field<MoneyType, Money>("notional")
            .Description("Current value of the order: quantity x instrument.lastPrice, in the instrument's currency.")
            .Requires("instrument { lastPrice currency }")
            .Resolve(context =>
            {
                var instrument = context.Source.Instrument;
                if (instrument.LastPrice is not { } lastPrice || instrument.Currency is not { } currency)
                    throw new ExecutionError("Instrument.lastPrice and Instrument.currency were not provided; Order.notional @requires them.") { Code = "MISSING_REQUIRED_FIELDS" };
                return Money.Of(context.Source.Quantity * lastPrice, currency);
            });
    }
}
