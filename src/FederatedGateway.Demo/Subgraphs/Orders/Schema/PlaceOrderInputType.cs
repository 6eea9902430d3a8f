using FederatedGateway.Demo.Subgraphs.Orders.Models;
using GraphQL.Types;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary><c>input PlaceOrderInput</c>.</summary>
internal sealed class PlaceOrderInputType : InputObjectGraphType<PlaceOrderInput>
{
    public PlaceOrderInputType()
    {
        Name = "PlaceOrderInput";

        Field(i => i.TraderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Symbol, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Side, type: typeof(NonNullGraphType<OrderSideType>));
        Field(i => i.Quantity).Description("Units to trade; must be positive.");
        Field(i => i.LimitPrice).Description("Worst acceptable price per unit; must be positive.");
    }
}
