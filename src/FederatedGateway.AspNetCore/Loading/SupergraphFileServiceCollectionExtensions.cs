using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Grpc.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>Wires the real gateway: the HTTP layer plus an executor fed from the supergraph file.</summary>
public static class SupergraphFileServiceCollectionExtensions
{
    /// <summary>The top-level configuration key of a <c>supergraph.yaml</c> to compose at start (<c>--config</c>).</summary>
    public const string ConfigKey = "config";

    /// <summary>
    /// <see cref="FederatedGatewayServiceCollectionExtensions.AddFederatedGateway"/> with the executor that serves
    /// the supergraph file given by <c>--supergraph</c> / <c>Gateway:SupergraphPath</c>, or the composition of the
    /// <c>supergraph.yaml</c> given by <c>--config</c> / <c>Gateway:ConfigPath</c>, loaded at start and watched.
    /// </summary>
    public static IServiceCollection AddFederatedGatewayFromSupergraphFile(this IServiceCollection services, IConfiguration configuration)
    {
        var configPath = configuration[ConfigKey] is { Length: > 0 } c ? c : configuration[GatewayOptions.SectionName + ":ConfigPath"];
        var bound = new GatewayOptions();
        FederatedGatewayServiceCollectionExtensions.Bind(configuration, bound);
        var followsRegistry = bound.Registry.IsEnabled;
        services.AddSingleton<ISupergraphSource>(provider =>
        {
            var supergraphPath = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value.SupergraphPath;
            if (followsRegistry)
            {
                throw new SupergraphLoadException("The gateway follows a registry (--registry); it reads no supergraph file.");
            }

            if (!string.IsNullOrWhiteSpace(configPath))
            {
                if (!string.IsNullOrWhiteSpace(supergraphPath))
                {
                    throw new SupergraphLoadException("Give either --supergraph <file> or --config <supergraph.yaml>, not both.");
                }

                return new ComposedSupergraphSource(configPath, provider.GetServices<SourceKindResolver>(), provider.GetService<FederatedGateway.Grpc.Composition.GrpcSourceRecovery>());
            }

            if (string.IsNullOrWhiteSpace(supergraphPath))
            {
                throw new SupergraphLoadException("No supergraph given: pass --supergraph <file> (or set Gateway:SupergraphPath), or --config <supergraph.yaml> to compose one.");
            }

            return new SupergraphFileSource(supergraphPath);
        });

        services.AddFederatedGateway(configuration, (s, options) =>
        {
            s.AddSingleton(provider =>
            {
                var isDevelopment = provider.GetRequiredService<IHostEnvironment>().IsDevelopment();
                return new FederatedGatewayExecutor
                {
                    ExposeQueryPlan = options.ExposeQueryPlan ?? isDevelopment,
                    AllowIntrospection = options.IsIntrospectionEnabled(isDevelopment),
                    SubgraphErrors = options.SubgraphErrors.ToPolicy(isDevelopment, provider.GetRequiredService<ILogger<FederatedGatewayExecutor>>()),
                    RequestTimeout = options.RequestTimeout,
                    RequireAuthentication = options.Authentication.Required,
                    TrustClientTraceContext = options.Telemetry.TrustClientTraceContext,
                    RecordDocument = options.Telemetry.RecordDocument,

                    // Stages registered as IRequestStage services (identity, persisted documents, authorization…) join the request path at their order.
                    AdditionalStages = provider.GetServices<IRequestStage>().ToArray(),
                };
            });
            s.AddSingleton<IGatewayExecutor>(provider => provider.GetRequiredService<FederatedGatewayExecutor>());
            if (string.IsNullOrWhiteSpace(configPath) && !string.IsNullOrWhiteSpace(bound.SourcesConfig))
            {
                // Registered before the loader, so hosted-service start (in order) reads the sources before the first supergraph.
                var sourcesConfig = Path.GetFullPath(bound.SourcesConfig);
                s.AddSingleton(provider => new SourceDefinitionsLoader(
                    sourcesConfig, provider.GetServices<SourceKindResolver>(), provider.GetRequiredService<ILogger<SourceDefinitionsLoader>>()));
                s.AddHostedService(provider => provider.GetRequiredService<SourceDefinitionsLoader>());
                s.AddSingleton<IFirstSupergraphLoad>(provider => provider.GetRequiredService<SourceDefinitionsLoader>());
            }

            if (followsRegistry)
            {
                s.AddSingleton<RegistryFollower>();
                s.AddHostedService(provider => provider.GetRequiredService<RegistryFollower>());
                s.AddSingleton<IFirstSupergraphLoad>(provider => provider.GetRequiredService<RegistryFollower>());
            }
            else
            {
                s.AddSingleton<SupergraphFileLoader>();
                s.AddHostedService(provider => provider.GetRequiredService<SupergraphFileLoader>());
                s.AddSingleton<IFirstSupergraphLoad>(provider => provider.GetRequiredService<SupergraphFileLoader>());
            }
        });
        return services;
    }
}
