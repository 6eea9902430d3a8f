using FederatedGateway.DifferentialTests.Hosting;

namespace FederatedGateway.DifferentialTests.Library;

/// <summary>The library graph's two GraphQL.NET federation subgraphs (catalog, reviews).</summary>
public static class LibrarySubgraphs
{
    public static async Task<SubgraphServers> StartAsync()
    {
        var servers = new SubgraphServers();
        await servers.AddAsync<Catalog.CatalogSchema>("catalog");
        await servers.AddAsync<Reviews.ReviewsSchema>("reviews");
        return servers;
    }
}
