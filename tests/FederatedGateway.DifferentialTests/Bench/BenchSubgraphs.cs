using FederatedGateway.DifferentialTests.Hosting;

namespace FederatedGateway.DifferentialTests.Bench;

/// <summary>
/// The benchmark graph (tests/FederatedGateway.Core.Tests/Goldens/bench/supergraph.graphql, linked as
/// bench.supergraph.graphql) served by four GraphQL.NET federation subgraphs.
/// </summary>
public static class BenchSubgraphs
{
    public static string SupergraphPath => Path.Combine(AppContext.BaseDirectory, "Bench", "bench.supergraph.graphql");

    public static async Task<SubgraphServers> StartAsync()
    {
        var servers = new SubgraphServers();
        await servers.AddAsync<Accounts.AccountsSchema>("accounts");
        await servers.AddAsync<Products.ProductsSchema>("products");
        await servers.AddAsync<Inventory.InventorySchema>("inventory");
        await servers.AddAsync<Reviews.ReviewsSchema>("reviews");
        return servers;
    }
}
