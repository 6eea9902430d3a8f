using FederatedGateway.DifferentialTests.Hosting;

namespace FederatedGateway.DifferentialTests.Shelf;

/// <summary>
/// The shelf graph's two GraphQL.NET federation subgraphs (SDL in Subgraphs/, composed with <c>fgw compose</c> into
/// shelf.supergraph.graphql): an entity interface one of them extends as an @interfaceObject, a union whose members
/// differ per subgraph, and @requires.
/// </summary>
public static class ShelfSubgraphs
{
    public static string SupergraphPath => Path.Combine(AppContext.BaseDirectory, "Shelf", "shelf.supergraph.graphql");

    public static async Task<SubgraphServers> StartAsync()
    {
        var servers = new SubgraphServers();
        await servers.AddAsync<Catalog.CatalogSchema>("catalog");
        await servers.AddAsync<People.PeopleSchema>("people");
        return servers;
    }
}
