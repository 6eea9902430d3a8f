using FederatedGateway.Demo.Hosting;
using FederatedGateway.Demo.Subgraphs.Accounts.Data;
using FederatedGateway.Demo.Subgraphs.Accounts.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Subgraphs.Accounts;

/// <summary>The <c>accounts</c> subgraph: owns the <c>Trader</c> entity (identity, desk, trading limits).</summary>
internal static class AccountsSubgraph
{
    public static SubgraphDefinition Definition { get; } = new(DemoSubgraphNames.Accounts, services =>
    {
        services.AddSingleton<TraderDirectory>();
        services.AddSubgraphGraphQL<AccountsSchema, AccountsSchema>();
    });
}
