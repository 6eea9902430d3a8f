using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Accounts;

public sealed class AccountsQuery : ObjectGraphType
{
    public AccountsQuery()
    {
        Name = "Query";
        Field<TraderType>("me").Resolve(_ => TradingData.Traders[0]);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TraderType>>>>("traders").Resolve(_ => TradingData.Traders);
        Field<NodeInterface>("node").Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => (object?)TradingData.Traders.FirstOrDefault(t => t.Id == c.GetArgument<string>("id"))
                ?? TradingData.Desks.FirstOrDefault(d => d.Id == c.GetArgument<string>("id")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchResultUnion>>>>("search")
            .Resolve(_ => new object[] { TradingData.Traders[0], TradingData.Desks[0], TradingData.Traders[1] });
    }
}
