using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.AspNetCore.Tests.Authorization.Accounts;

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
