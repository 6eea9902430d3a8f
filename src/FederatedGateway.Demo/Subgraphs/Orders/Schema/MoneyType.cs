using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary><c>type Money @shareable</c>: a value type that the portfolio subgraph defines identically.</summary>
internal sealed class MoneyType : ObjectGraphType<Money>
{
    public MoneyType()
    {
        Name = "Money";
        Description = "An amount of money in a currency.";
        this.Shareable();

        Field(m => m.Amount);
        Field(m => m.Currency).Description("ISO 4217 currency code.");
    }
}
