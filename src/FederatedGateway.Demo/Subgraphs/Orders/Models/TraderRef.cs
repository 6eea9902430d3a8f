namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>
/// A trader owned by the accounts subgraph, as received by <c>_entities</c>: <c>{ __typename id }</c>, plus
/// <c>maxOpenOrders</c> when the gateway resolves <c>remainingOrderCapacity</c> (which <c>@requires</c> it).
/// </summary>
internal sealed class TraderRef
{
    public string Id { get; set; } = "";

    public int? MaxOpenOrders { get; set; }

    /// <summary>External (owned by accounts): <c>Order.fxRate</c> requires it through <c>Order.trader</c>.</summary>
    public string? BaseCurrency { get; set; }
}
