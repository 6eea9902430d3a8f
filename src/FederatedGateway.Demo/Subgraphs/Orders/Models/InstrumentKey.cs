namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>The <c>Instrument</c> entity representation received by <c>_entities</c>: <c>{ __typename symbol }</c>.</summary>
internal sealed class InstrumentKey
{
    public string Symbol { get; set; } = "";
}
