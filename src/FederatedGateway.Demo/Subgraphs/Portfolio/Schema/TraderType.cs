using FederatedGateway.Demo.Subgraphs.Portfolio.Data;
using FederatedGateway.Demo.Subgraphs.Portfolio.Models;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Portfolio.Schema;

/// <summary><c>type Trader @key(fields: "id")</c>: owned by accounts; this subgraph adds <c>positions</c>.</summary>
internal sealed class TraderType : ObjectGraphType<TraderRef>
{
    public TraderType(PortfolioBook book)
    {
        Name = "Trader";
        this.Key("id");
        this.ResolveReference((_, trader) => trader);

        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PositionType>>>, IEnumerable<Position>>("positions")
            .Resolve(context => book.PositionsOf(context.Source.Id));
    }
}
