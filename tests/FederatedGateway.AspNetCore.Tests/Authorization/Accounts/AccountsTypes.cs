using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Accounts;

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}

public sealed class RiskLevelEnum : EnumerationGraphType
{
    public RiskLevelEnum()
    {
        Name = "RiskLevel";
        Add("LOW", "LOW");
        Add("HIGH", "HIGH");
    }
}

public sealed class TraderType : ObjectGraphType<Trader>
{
    public TraderType()
    {
        Name = "Trader";
        Interface<NodeInterface>();
        this.Key("id");
        this.ResolveReference<TraderKey, Trader>((_, key) => TradingData.Traders.FirstOrDefault(t => t.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("email").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<IntGraphType>>("maxOpenOrders").Resolve(c => c.Source.MaxOpenOrders);
        Field<RiskLevelEnum>("risk").Resolve(c => c.Source.Risk);
        Field<IntGraphType>("limit").Resolve(c => c.Source.Limit);
    }
}

public sealed class DeskType : ObjectGraphType<Desk>
{
    public DeskType()
    {
        Name = "Desk";
        Interface<NodeInterface>();
        this.Key("id");
        this.ResolveReference<OrderKey, Desk>((_, key) => TradingData.Desks.FirstOrDefault(d => d.Id == key.Id));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<FloatGraphType>("pnl").Resolve(c => c.Source.Pnl);
    }
}

public sealed class SearchResultUnion : UnionGraphType
{
    public SearchResultUnion()
    {
        Name = "SearchResult";
        Type<TraderType>();
        Type<DeskType>();
    }
}

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

public sealed class AccountsSchema : Schema
{
    public AccountsSchema(IServiceProvider services, AccountsQuery query, TraderType trader, DeskType desk)
        : base(services)
    {
        Query = query;
        RegisterType(trader);
        RegisterType(desk);
    }
}
