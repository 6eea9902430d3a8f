using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Subgraphs.Portfolio.Schema;

/// <summary>The portfolio subgraph schema.</summary>
internal sealed class PortfolioSchema : GraphQL.Types.Schema
{
    public PortfolioSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<PortfolioQuery>();
        // Trader is reachable only through _entities, so it must be registered explicitly
        RegisterType(typeof(TraderType));
    }
}
