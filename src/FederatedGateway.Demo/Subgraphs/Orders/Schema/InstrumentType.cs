using FederatedGateway.Demo.Subgraphs.Orders.Data;
using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>
/// <c>type Instrument @key(fields: "symbol")</c>: owned by portfolio. This subgraph adds <c>orders</c>;
/// <c>name</c> is external but provided by <c>Order.instrument</c>; <c>lastPrice</c> and <c>currency</c>
/// are external and used by <c>Order.notional @requires</c>.
/// </summary>
internal sealed class InstrumentType : ObjectGraphType<InstrumentRef>
{
    public InstrumentType(OrderBook orders)
    {
        Name = "Instrument";
        this.Key("symbol");
        this.ResolveReference<InstrumentKey, InstrumentRef>((context, key) =>
            context.RequestServices!.GetRequiredService<InstrumentCatalog>().Find(key.Symbol));

        Field(i => i.Symbol, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Name).External();
        Field<NonNullGraphType<FloatGraphType>, double?>("lastPrice")
            .External()
            .Resolve(context => context.Source.LastPrice);
        Field<NonNullGraphType<StringGraphType>, string?>("currency")
            .External()
            .Resolve(context => context.Source.Currency);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderType>>>, IReadOnlyList<Order>>("orders")
            .Description("Orders in this instrument, optionally only those in one status.")
            .Argument<OrderStatusType>("status")
            .Resolve(context => orders.OfInstrument(context.Source.Symbol, context.GetArgument<OrderStatus?>("status")));
    }
}
