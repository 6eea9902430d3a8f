namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>
/// The <c>Order</c> entity representation received by <c>_entities</c>: <c>{ __typename id }</c>, plus
/// <c>instrument { lastPrice currency }</c> when the gateway resolves <c>notional</c> (which <c>@requires</c> it), and
/// <c>instrument { currency } trader { baseCurrency }</c> when it resolves <c>fxRate</c>.
/// </summary>
internal sealed class OrderKey
{
    public string Id { get; set; } = "";

    public InstrumentRequirements? Instrument { get; set; }

    public TraderRequirements? Trader { get; set; }
}
