namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>
/// An instrument owned by the portfolio subgraph. <see cref="Name"/> is the snapshot taken when the order was
/// placed (provided to the gateway through <c>@provides</c>); <see cref="LastPrice"/> and <see cref="Currency"/>
/// are known only when the gateway sends them as <c>@requires</c> data in an <c>Order</c> representation.
/// </summary>
internal sealed record InstrumentRef(string Symbol, string Name)
{
    public double? LastPrice { get; init; }

    public string? Currency { get; init; }
}
