using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>Wires the real gateway: the HTTP layer plus an executor fed from the supergraph file.</summary>
public static class SupergraphFileServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="FederatedGatewayServiceCollectionExtensions.AddFederatedGateway"/> with the executor that serves
    /// the supergraph file given by <c>--supergraph</c> / <c>Gateway:SupergraphPath</c>, loaded at start.
    /// </summary>
    public static IServiceCollection AddFederatedGatewayFromSupergraphFile(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFederatedGateway(configuration, (s, options) =>
        {
            s.AddSingleton(provider => new FederatedGatewayExecutor
            {
                ExposeQueryPlan = options.ExposeQueryPlan ?? provider.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            });
            s.AddSingleton<IGatewayExecutor>(provider => provider.GetRequiredService<FederatedGatewayExecutor>());
            s.AddHostedService<SupergraphFileLoader>();
        });
        return services;
    }
}
