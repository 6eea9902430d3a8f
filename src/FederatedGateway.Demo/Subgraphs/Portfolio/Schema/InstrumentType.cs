using FederatedGateway.Demo.Subgraphs.Portfolio.Data;
using FederatedGateway.Demo.Subgraphs.Portfolio.Models;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Subgraphs.Portfolio.Schema;

/// <summary>
/// <c>type Instrument @key(fields: "symbol")</c>: owned here. <c>name</c> is <c>@shareable</c> because the
/// orders subgraph can provide it too (<c>Order.instrument @provides(fields: "name")</c>).
/// </summary>
internal sealed class InstrumentType : ObjectGraphType<Instrument>
{
    public InstrumentType()
    {
        Name = "Instrument";
        Description = "A tradable instrument.";
        this.Key("symbol");
        this.ResolveReference<InstrumentKey, Instrument>((context, key) =>
            context.RequestServices!.GetRequiredService<PortfolioBook>().FindInstrument(key.Symbol));

        Field(i => i.Symbol, type: typeof(NonNullGraphType<IdGraphType>)).Description("Ticker symbol.");
        Field(i => i.Name).Shareable();
        Field(i => i.Currency).Description("ISO 4217 code of the currency the instrument trades in.");
        Field(i => i.AssetClass, type: typeof(NonNullGraphType<AssetClassType>));
        Field(i => i.Exchange).Description("ISO 10383 market identifier code of the primary listing.");
        Field(i => i.LastPrice).Description("Last traded price, in the instrument's currency.");
    }
}
