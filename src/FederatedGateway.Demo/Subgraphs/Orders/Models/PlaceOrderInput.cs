namespace FederatedGateway.Demo.Subgraphs.Orders.Models;

/// <summary>The argument of <c>Mutation.placeOrder</c>.</summary>
internal sealed class PlaceOrderInput
{
    public string TraderId { get; set; } = "";

    public string Symbol { get; set; } = "";

    public OrderSide Side { get; set; }

    public int Quantity { get; set; }

    public double LimitPrice { get; set; }
}
