using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Usage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Usage;

/// <summary>Registers usage analytics when <c>Gateway:Usage:Enabled</c> is on: the recorder, its stage, the store and the flush.</summary>
internal static class UsageServiceCollectionExtensions
{
    public static void AddUsage(this IServiceCollection services, UsageSettings settings)
    {
        if (!settings.Enabled || settings.Problems().Any())
        {
            // Invalid settings are refused at start (SecuritySettingsValidator).
            return;
        }

        services.AddSingleton(settings);
        services.AddSingleton(new UsageRecorder(settings.MaxOperationsPerInterval));
        services.AddSingleton<IRequestStage>(provider => new UsageStage(provider.GetRequiredService<UsageRecorder>()));
        services.AddSingleton<IUsageStore>(_ => settings.Store == UsageStoreKind.PostgreSql
            ? Storage.Usage.UsageStores.PostgreSql(settings.PostgreSql!)
            : Storage.Usage.UsageStores.Sqlite(settings.SqlitePath));
        services.AddSingleton(provider => new UsageFlushService(
            provider.GetRequiredService<UsageRecorder>(), provider.GetRequiredService<IUsageStore>(), settings,
            provider.GetRequiredService<ILogger<UsageFlushService>>(), provider.GetService<TrafficHistory>()));
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<UsageFlushService>());
    }
}
