namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>The life-cycle state of an order.</summary>
internal enum OrderStatus
{
    Open,
    Filled,
    Cancelled,
}
