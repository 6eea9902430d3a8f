namespace FederatedGateway.Demo.Subgraphs.Portfolio.Models;

/// <summary>An amount in a currency (ISO 4217), rounded to cents.</summary>
internal sealed record Money(double Amount, string Currency)
{
    public static Money Of(double amount, string currency) => new(Math.Round(amount, 2, MidpointRounding.AwayFromZero), currency);
}
