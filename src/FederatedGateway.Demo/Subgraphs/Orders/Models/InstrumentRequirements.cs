namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>The <c>instrument { ... }</c> part of an <see cref="OrderKey"/>.</summary>
internal sealed class InstrumentRequirements
{
    public string? Symbol { get; set; }

    public double? LastPrice { get; set; }

    public string? Currency { get; set; }
}
