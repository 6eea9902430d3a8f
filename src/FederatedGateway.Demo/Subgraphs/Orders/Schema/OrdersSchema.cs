using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Subgraphs.Orders.Schema;

/// <summary>The orders subgraph schema.</summary>
internal sealed class OrdersSchema : GraphQL.Types.Schema
{
    public OrdersSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<OrdersQuery>();
        Mutation = services.GetRequiredService<OrdersMutation>();
        Subscription = services.GetRequiredService<OrdersSubscription>();
    }
}
