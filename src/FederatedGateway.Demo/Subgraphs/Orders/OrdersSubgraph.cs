using FederatedGateway.Demo.Hosting;
using FederatedGateway.Demo.Subgraphs.Orders.Data;
using FederatedGateway.Demo.Subgraphs.Orders.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Subgraphs.Orders;

/// <summary>
/// The <c>orders</c> subgraph: owns the <c>Order</c> entity and the order mutations and the order status subscription, adds <c>orders</c> to
/// <c>Trader</c> and <c>Instrument</c>, and computes fields that <c>@requires</c> data of the other subgraphs.
/// </summary>
internal static class OrdersSubgraph
{
    public static SubgraphDefinition Definition { get; } = new(DemoSubgraphNames.Orders, services =>
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<InstrumentCatalog>();
        services.AddSingleton<OrderStatusFeed>();
        services.AddSingleton<OrderBook>();
        services.AddSubgraphGraphQL<OrdersSchema, OrdersSchema>();
    });
}
