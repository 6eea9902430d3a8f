using FederatedGateway.Demo.Hosting;
using FederatedGateway.Demo.Subgraphs.Portfolio.Data;
using FederatedGateway.Demo.Subgraphs.Portfolio.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Subgraphs.Portfolio;

/// <summary>
/// The <c>portfolio</c> subgraph: owns the <c>Instrument</c> entity (reference data and last price) and
/// adds <c>positions</c> to <c>Trader</c>.
/// </summary>
internal static class PortfolioSubgraph
{
    public static SubgraphDefinition Definition { get; } = new(DemoSubgraphNames.Portfolio, services =>
    {
        services.AddSingleton<PortfolioBook>();
        services.AddSubgraphGraphQL<PortfolioSchema, PortfolioSchema>();
    });
}
