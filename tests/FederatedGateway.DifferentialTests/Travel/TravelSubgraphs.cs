using FederatedGateway.DifferentialTests.Hosting;

namespace FederatedGateway.DifferentialTests.Travel;

/// <summary>The travel graph's four GraphQL.NET federation subgraphs (SDL in Subgraphs/, composed into travel.supergraph.graphql).</summary>
public static class TravelSubgraphs
{
    public static string SupergraphPath => Path.Combine(AppContext.BaseDirectory, "Travel", "travel.supergraph.graphql");

    public static async Task<SubgraphServers> StartAsync()
    {
        var servers = new SubgraphServers();
        await servers.AddAsync<Inventory.InventorySchema>("inventory");
        await servers.AddAsync<Bookings.BookingsSchema>("bookings");
        await servers.AddAsync<Reviews.ReviewsSchema>("reviews");
        await servers.AddAsync<Pricing.PricingSchema>("pricing");
        return servers;
    }
}
