using FederatedGateway.Demo.Subgraphs.Portfolio.Data;
using FederatedGateway.Demo.Subgraphs.Portfolio.Models;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Portfolio.Schema;

/// <summary><c>type Position</c>: a holding of one instrument, valued at the instrument's last price.</summary>
internal sealed class PositionType : ObjectGraphType<Position>
{
    public PositionType(PortfolioBook book)
    {
        Name = "Position";
        Description = "A trader's holding of one instrument.";

        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Quantity);
        Field(p => p.AveragePrice).Description("Average purchase price, in the instrument's currency.");
        Field<NonNullGraphType<InstrumentType>, Instrument>("instrument")
            .Resolve(context => book.GetInstrument(context.Source.Symbol));
        Field<NonNullGraphType<MoneyType>, Money>("marketValue")
            .Description("quantity x instrument.lastPrice")
            .Resolve(context =>
            {
                var instrument = book.GetInstrument(context.Source.Symbol);
                return Money.Of(context.Source.Quantity * instrument.LastPrice, instrument.Currency);
            });
        Field<NonNullGraphType<MoneyType>, Money>("unrealizedPnl")
            .Description("quantity x (instrument.lastPrice - averagePrice)")
            .Resolve(context =>
            {
                var instrument = book.GetInstrument(context.Source.Symbol);
                return Money.Of(context.Source.Quantity * (instrument.LastPrice - context.Source.AveragePrice), instrument.Currency);
            });
    }
}
