using FederatedGateway.AspNetCore.Authentication;
using FederatedGateway.Execution.Authorization;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Usage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FederatedGateway.AspNetCore.Dashboard;

/// <summary>Registers the dashboard when it is on (by setting, or in Development when unset) and usage analytics is on.</summary>
internal static class DashboardServiceCollectionExtensions
{
    public static void AddDashboard(this IServiceCollection services, GatewayOptions options)
    {
        var settings = options.Dashboard;
        if (!options.Usage.Enabled || settings.Enabled == false || settings.Problems(options.Usage.Enabled).Any())
        {
            return;
        }

        services.AddSingleton(new TrafficHistory(settings.HistoryIntervals));
        services.AddSingleton(provider => new SubgraphHealthMonitor(TimeProvider.System));
        services.AddSingleton(provider =>
        {
            var enabled = settings.Enabled ?? provider.GetService<IHostEnvironment>()?.IsDevelopment() ?? false;

            // Resolved when the endpoints are mapped: a dashboard that is on follows the fetches from then on.
            var health = enabled ? provider.GetRequiredService<SubgraphHealthMonitor>() : null;
            return new DashboardEndpoint(
                settings,
                new DashboardReportBuilder(provider.GetRequiredService<TrafficHistory>(), provider.GetRequiredService<IUsageStore>(), TimeProvider.System, options.SubgraphUrlOverrides, health),
                provider.GetRequiredService<IGatewayExecutor>(),
                provider.GetRequiredService<GatewayAuthenticator>(),
                provider.GetService<IAuthorizationPolicyEvaluator>())
            {
                IsEnabled = enabled,
            };
        });
    }
}
