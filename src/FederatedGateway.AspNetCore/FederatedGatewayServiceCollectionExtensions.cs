using FederatedGateway.AspNetCore.Authorization;
using FederatedGateway.AspNetCore.Authentication;
using FederatedGateway.AspNetCore.Headers;
using FederatedGateway.AspNetCore.Ide;
using FederatedGateway.AspNetCore.Tls;
using FederatedGateway.AspNetCore.Traffic;
using FederatedGateway.AspNetCore.Grpc;
using FederatedGateway.AspNetCore.Internal;
using FederatedGateway.AspNetCore.Memory;
using FederatedGateway.AspNetCore.PersistedDocuments;
using FederatedGateway.AspNetCore.Subscriptions;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore;

/// <summary>Registers the gateway's HTTP layer.</summary>
public static class FederatedGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GatewayOptions"/> (bound from <paramref name="configuration"/>'s <c>Gateway</c> section, with a
    /// top-level <c>supergraph</c> key overriding <see cref="GatewayOptions.SupergraphPath"/>), a singleton
    /// <see cref="ISubgraphClient"/> (<see cref="HttpSubgraphClient"/>, unless one is registered already) and the
    /// GraphQL-over-HTTP endpoint services.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application configuration (root, not the section).</param>
    /// <param name="configureExecution">
    /// Called with the options as bound right now, to register the <see cref="IGatewayExecutor"/> (and whatever it needs).
    /// </param>
    /// <remarks>
    /// The <see cref="IGatewayExecutor"/> is the application's: register it before this call, inside
    /// <paramref name="configureExecution"/>, or after this call with <c>AddSingleton</c> (the last registration wins;
    /// <c>TryAdd*</c> after this call is ignored). When none is registered, a stand-in that is never ready answers every
    /// request with <c>GATEWAY_NOT_READY</c> and health checks report 503.
    /// </remarks>
    public static IServiceCollection AddFederatedGateway(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IServiceCollection, GatewayOptions>? configureExecution = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<GatewayOptions>()
            .Bind(configuration.GetSection(GatewayOptions.SectionName))
            .Configure(options => ApplySupergraphOverride(configuration, options))
            .Configure(ReplicaServiceCollectionExtensions.ApplyReplicaUrls)
            .Validate(options => options.MaxRequestBodySize > 0, "Gateway:MaxRequestBodySize must be positive.")
            .Validate(options => options.SubgraphTimeout > TimeSpan.Zero, "Gateway:SubgraphTimeout must be positive.")
            .Validate(options => options.MaxConnectionsPerServer > 0, "Gateway:MaxConnectionsPerServer must be positive.")
            .Validate(options => TimeLimit.IsValid(options.RequestTimeout), "Gateway:RequestTimeout must be zero (off), positive or Infinite.")
            .Validate(options => ResponseWriteLimit.IsValid(options.ResponseWriteTimeout), "Gateway:ResponseWriteTimeout must be zero (off), Infinite or more than 1 s.")
            .Validate(options => options.MaxSubgraphResponseSize >= 0, "Gateway:MaxSubgraphResponseSize must be zero (no limit) or positive.")
            .Validate(options => options.Subscriptions.IsValid(), SubscriptionSettings.ValidationMessage)
            .Validate(options => options.Limits.IsValid(), LimitSettings.ValidationMessage)
            .Validate(options => options.Telemetry.IsValid(), Telemetry.TelemetrySettings.ValidationMessage)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, SecuritySettingsValidator>();

        // The source kinds: http(s):// subgraphs are GraphQL over HTTP, grpc(s):// ones gRPC services, and the subgraphs
        // composed from OpenAPI documents REST APIs (claimed by name, asked first). A source's client is created only
        // when a subgraph uses it.
        services.AddSingleton<ISubgraphClientFactory>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
            var isProduction = provider.GetService<IHostEnvironment>()?.IsProduction() ?? true;
            return new HttpSubgraphClientFactory(
                options.ToSubgraphClientOptions(provider.GetRequiredService<Execution.Transport.Replicas.ReplicaRegistry>()),
                options.Subscriptions.ToSubscriberOptions(),
                options.Tls.LoadIfValid(),
                PlainTextCredentialCheck.For(options, isProduction).ForEachReplica(options.Replicas));
        });
        services.AddReplicas();
        services.AddFederatedGatewayGrpc(configuration);
        ApiSources.ApiSourcesServiceCollectionExtensions.AddFederatedGatewayApiSources(services, configuration);
        services.TryAddSingleton<GraphQLHttpEndpoint>();
        services.TryAddSingleton<IdeEndpoint>();
        services.TryAddSingleton<GraphQLWebSocketEndpoint>();
        services.TryAddSingleton<GraphQLSseEndpoint>();
        services.AddCors();
        services.TryAddSingleton<CrossOriginPolicy>();
        services.TryAddSingleton<BodyCompression>();
        services.TryAddSingleton<FederatedGatewayMarker>();
        services.AddHostedService<IdleMemoryReclaimer>();
        var settings = new GatewayOptions();
        Bind(configuration, settings);
        services.AddGatewayAuthentication(settings.Authentication);
        services.AddGatewayAuthorization(settings.Authorization);
        services.AddPersistedDocuments(settings.PersistedDocuments);
        services.AddHeaderPropagation(settings);
        services.AddRateLimits(settings.RateLimits);
        services.AddCost(settings.Cost, settings.RateLimits);
        services.AddLoadShedding(settings.LoadShedding);
        Usage.UsageServiceCollectionExtensions.AddUsage(services, settings.Usage);
        Dashboard.DashboardServiceCollectionExtensions.AddDashboard(services, settings);
        Transcoding.TranscodingServiceCollectionExtensions.AddTranscoding(services, settings);
        if (settings.Telemetry.IsValid())
        {
            Telemetry.TelemetryServiceCollectionExtensions.AddGatewayTelemetry(services, settings.Telemetry);
        }

        configureExecution?.Invoke(services, settings);

        services.TryAddSingleton<IGatewayExecutor, UnconfiguredGatewayExecutor>();
        return services;
    }

    /// <summary>
    /// Binds <paramref name="options"/> from the <c>Gateway</c> section (with <c>Gateway:Supergraph</c> as an alias of
    /// <c>Gateway:SupergraphPath</c>) and the top-level <c>supergraph</c> key, which wins.
    /// </summary>
    public static void Bind(IConfiguration configuration, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        configuration.GetSection(GatewayOptions.SectionName).Bind(options);
        ApplySupergraphOverride(configuration, options);
        ReplicaServiceCollectionExtensions.ApplyReplicaUrls(options);
    }

    private static void ApplySupergraphOverride(IConfiguration configuration, GatewayOptions options)
    {
        // Gateway:Supergraph (env Gateway__Supergraph) is accepted as an alias of Gateway:SupergraphPath.
        if (string.IsNullOrEmpty(options.SupergraphPath)
            && configuration[GatewayOptions.SectionName + ":Supergraph"] is { Length: > 0 } alias)
        {
            options.SupergraphPath = alias;
        }

        // --registry <url> --graph <name@variant>: follow a schema registry variant.
        if (configuration["registry"] is { Length: > 0 } registry)
        {
            options.Registry.Url = registry;
        }

        if (configuration["graph"] is { Length: > 0 } graph)
        {
            options.Registry.Graph = graph;
        }

        var supergraph = configuration[GatewayOptions.SupergraphKey];
        if (!string.IsNullOrEmpty(supergraph))
        {
            options.SupergraphPath = supergraph;
        }
    }
}
