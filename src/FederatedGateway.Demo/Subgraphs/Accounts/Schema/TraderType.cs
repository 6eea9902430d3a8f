using FederatedGateway.Demo.Subgraphs.Accounts.Data;
using FederatedGateway.Demo.Subgraphs.Accounts.Models;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Subgraphs.Accounts.Schema;

/// <summary><c>type Trader @key(fields: "id")</c>: owned here.</summary>
internal sealed class TraderType : ObjectGraphType<Trader>
{
    public TraderType()
    {
        Name = "Trader";
        Description = "A trader with an account at the firm.";
        this.Key("id");
        this.ResolveReference<TraderKey, Trader>((context, key) =>
            context.RequestServices!.GetRequiredService<TraderDirectory>().Find(key.Id));

        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(t => t.Name).Description("Full name.");
        Field(t => t.Email);
        Field(t => t.Desk).Description("The trading desk the trader sits on.");
        Field(t => t.BaseCurrency).Description("ISO 4217 code of the currency the trader reports in.");
        Field(t => t.MaxOpenOrders).Description("How many orders the trader may have open at once.");
    }
}
