using FederatedGateway.Demo.Subgraphs.Portfolio.Models;
using GraphQL.Federation;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Portfolio.Schema;

/// <summary><c>type Money @shareable</c>: a value type that the orders subgraph defines identically.</summary>
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
