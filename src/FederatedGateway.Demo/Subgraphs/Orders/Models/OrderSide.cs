namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>Whether an order buys or sells.</summary>
internal enum OrderSide
{
    Buy,
    Sell,
}
