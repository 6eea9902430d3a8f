using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Accounts;

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
