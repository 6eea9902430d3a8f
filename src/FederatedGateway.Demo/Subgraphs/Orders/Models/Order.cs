namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>A limit order to buy or sell <see cref="Quantity"/> units of an instrument.</summary>
internal sealed record Order(
    string Id,
    string TraderId,
    InstrumentRef Instrument,
    OrderSide Side,
    int Quantity,
    double LimitPrice,
    OrderStatus Status,
    DateTime CreatedAt)
{
    /// <summary>The trader's reporting currency, known only when the gateway sends it as <c>@requires</c> data (for <c>fxRate</c>).</summary>
    public string? TraderBaseCurrency { get; init; }
}
