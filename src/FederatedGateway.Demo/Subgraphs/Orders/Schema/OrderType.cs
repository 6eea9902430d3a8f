using FederatedGateway.Demo.Subgraphs.Orders.Data;
using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>
/// <c>type Order @key(fields: "id")</c>: owned here. <c>instrument</c> provides the instrument's <c>name</c>;
/// <c>notional</c> requires the instrument's <c>lastPrice</c> and <c>currency</c> from portfolio. <c>settlement</c> and
/// <c>fxRate</c> point at entities of the REST settlement and SOAP FX services; <c>fxRate</c>'s pair is the instrument's
/// currency (portfolio) to the trader's base currency (accounts), both required.
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
            if (order is null)
                return null;
            if (key.Instrument is { } instrument)
                order = order with { Instrument = order.Instrument with { LastPrice = instrument.LastPrice, Currency = instrument.Currency } };
            return key.Trader is { } trader ? order with { TraderBaseCurrency = trader.BaseCurrency } : order;
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
        Field<SettlementType, SettlementRef>("settlement")
            .Description("How the order's trade settles, from the settlement service.")
            .Resolve(context => new SettlementRef(context.Source.Id));
        Field<RateType, RateRef>("fxRate")
            .Description("The FX rate from the instrument's currency to the trader's base currency, from the FX service.")
            .Requires("instrument { currency } trader { baseCurrency }")
            .Resolve(context =>
            {
                if (context.Source.Instrument.Currency is not { } currency || context.Source.TraderBaseCurrency is not { } baseCurrency)
                    throw new ExecutionError("Instrument.currency and Trader.baseCurrency were not provided; Order.fxRate @requires them.") { Code = "MISSING_REQUIRED_FIELDS" };
                return new RateRef(currency + "/" + baseCurrency);
            });
    }
}
