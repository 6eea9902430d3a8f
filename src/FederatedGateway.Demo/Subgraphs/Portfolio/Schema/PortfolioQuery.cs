using FederatedGateway.Demo.Subgraphs.Portfolio.Data;
using FederatedGateway.Demo.Subgraphs.Portfolio.Models;
using GraphQL;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Portfolio.Schema;

/// <summary>The portfolio subgraph's <c>Query</c> type.</summary>
internal sealed class PortfolioQuery : ObjectGraphType
{
    public PortfolioQuery(PortfolioBook book)
    {
        Name = "Query";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InstrumentType>>>, IReadOnlyList<Instrument>>("instruments")
            .Resolve(_ => book.Instruments);

        Field<InstrumentType, Instrument>("instrument")
            .Argument<NonNullGraphType<IdGraphType>>("symbol")
            .Resolve(context => book.FindInstrument(context.GetArgument<string>("symbol")));
    }
}
