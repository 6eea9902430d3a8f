namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>The result of asking the order book to cancel an order.</summary>
internal enum CancelOutcome
{
    Cancelled,
    NotFound,
    NotOpen,
}
