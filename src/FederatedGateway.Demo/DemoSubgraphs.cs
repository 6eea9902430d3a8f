using FederatedGateway.Demo.Hosting;
using FederatedGateway.Demo.Subgraphs.Accounts;
using FederatedGateway.Demo.Subgraphs.Orders;
using FederatedGateway.Demo.Subgraphs.Portfolio;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Demo;

/// <summary>
/// Starts the fintech demo's Apollo Federation v2 subgraphs (accounts, portfolio, orders), each its own
/// Kestrel server on 127.0.0.1 with a <c>POST /graphql</c> endpoint and fresh in-memory seed data.
/// </summary>
public static class DemoSubgraphs
{
    /// <summary>Starts all demo subgraphs. Logs at Warning level and above to the console.</summary>
    public static Task<DemoSubgraphHost> StartAsync(DemoPorts ports, CancellationToken cancellationToken = default)
        => StartAsync(ports, configureLogging: null, cancellationToken);

    /// <summary>
    /// Starts all demo subgraphs. <paramref name="configureLogging"/> replaces the default console logging
    /// (the minimum level is Warning unless it changes it), e.g. to route the logs into a test's logger.
    /// </summary>
    public static async Task<DemoSubgraphHost> StartAsync(DemoPorts ports, Action<ILoggingBuilder>? configureLogging, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ports);

        (SubgraphDefinition Definition, int Port)[] plan =
        [
            (AccountsSubgraph.Definition, ports.Accounts),
            (PortfolioSubgraph.Definition, ports.Portfolio),
            (OrdersSubgraph.Definition, ports.Orders),
        ];

        var starts = new Task<(WebApplication App, Uri Url)>[plan.Length];
        for (var i = 0; i < plan.Length; i++)
            starts[i] = SubgraphServer.StartAsync(plan[i].Definition, plan[i].Port, configureLogging, cancellationToken);

        try
        {
            await Task.WhenAll(starts).ConfigureAwait(false);
        }
        catch
        {
            foreach (var start in starts)
            {
                if (start.IsCompletedSuccessfully)
                {
                    await start.Result.App.StopAsync(CancellationToken.None).ConfigureAwait(false);
                    await start.Result.App.DisposeAsync().ConfigureAwait(false);
                }
            }

            throw;
        }

        var endpoints = new DemoSubgraphEndpoint[plan.Length];
        var apps = new WebApplication[plan.Length];
        for (var i = 0; i < plan.Length; i++)
        {
            endpoints[i] = new DemoSubgraphEndpoint(plan[i].Definition.Name, starts[i].Result.Url);
            apps[i] = starts[i].Result.App;
        }

        return new DemoSubgraphHost(endpoints, apps);
    }
}
