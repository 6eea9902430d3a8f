using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.PersistedDocuments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.PersistedDocuments;

/// <summary>Adds the persisted-documents stage when trusted documents or APQ are on.</summary>
internal static class PersistedDocumentsServiceCollectionExtensions
{
    public static void AddPersistedDocuments(this IServiceCollection services, PersistedDocumentSettings settings)
    {
        var apq = settings.Apq.Enabled && settings.Mode != PersistedDocumentsMode.Enforce;
        if ((settings.Mode == PersistedDocumentsMode.Off && !apq && string.IsNullOrWhiteSpace(settings.Manifest)) || settings.Problems().Any())
        {
            // Nothing to do, or settings that options validation refuses at start.
            return;
        }

        if (apq)
        {
            services.AddSingleton<IPersistedQueryStore>(provider => settings.Apq.Redis is { Length: > 0 }
                ? new RedisPersistedQueryStore(settings.Apq, provider.GetRequiredService<ILogger<RedisPersistedQueryStore>>())
                : new MemoryPersistedQueryStore(settings.Apq.MaxCharacters));
        }

        services.AddSingleton<IRequestStage>(provider => new PersistedDocumentsStage(
            settings.Mode,
            string.IsNullOrWhiteSpace(settings.Manifest) ? PersistedDocumentManifest.Empty : PersistedDocumentManifest.Load(settings.Manifest),
            apq ? provider.GetRequiredService<IPersistedQueryStore>() : null,
            settings.AllowFullText,
            provider.GetRequiredService<ILogger<PersistedDocumentsStage>>()));
    }
}
