namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>The <c>trader { baseCurrency }</c> part of an <see cref="OrderKey"/>.</summary>
internal sealed class TraderRequirements
{
    public string? BaseCurrency { get; set; }
}
