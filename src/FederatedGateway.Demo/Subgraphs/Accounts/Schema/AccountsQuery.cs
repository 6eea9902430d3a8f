using FederatedGateway.Demo.Hosting;
using FederatedGateway.Demo.Subgraphs.Accounts.Data;
using FederatedGateway.Demo.Subgraphs.Accounts.Models;
using GraphQL;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Accounts.Schema;

/// <summary>The accounts subgraph's <c>Query</c> type.</summary>
internal sealed class AccountsQuery : ObjectGraphType
{
    public AccountsQuery(TraderDirectory traders)
    {
        Name = "Query";

        Field<TraderType, Trader>("me")
            .Description("The signed-in trader (header x-trader-id; t1 when absent).")
            .Resolve(context => traders.Find((context.UserContext as DemoRequestContext)?.TraderId ?? TraderDirectory.DefaultTraderId));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TraderType>>>, IReadOnlyList<Trader>>("traders")
            .Resolve(_ => traders.All);

        Field<TraderType, Trader>("trader")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context => traders.Find(context.GetArgument<string>("id")));
    }
}
