using FederatedGateway.Execution.Sources;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Grpc;

/// <summary>
/// Registers the gRPC side of the gateway: the <see cref="GrpcSourceRegistry"/> (from <c>Gateway:Grpc:&lt;subgraph&gt;</c>,
/// from <c>supergraph.yaml</c> gRPC entries when composing with <c>--config</c>, or programmatically), the
/// <see cref="GrpcSubgraphClient"/> and the gRPC <see cref="SourceKindResolver"/> used by composition.
/// </summary>
public static class GrpcGatewayServiceCollectionExtensions
{
    /// <summary>The configuration section of gRPC sources: <c>Gateway:Grpc:&lt;subgraph&gt;:DescriptorSet|Reflection|ReflectionUrl|Int64AsNumber</c>.</summary>
    public const string SectionName = GatewayOptions.SectionName + ":Grpc";

    public static IServiceCollection AddFederatedGatewayGrpc(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => CreateRegistry(configuration));
        services.TryAddSingleton<IGrpcSchemaProvider>(provider => provider.GetRequiredService<GrpcSourceRegistry>());
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return new GrpcSubgraphClient(
                provider.GetRequiredService<IGrpcSchemaProvider>(),
                new GrpcSubgraphClientOptions
                {
                    Timeout = options.SubgraphTimeout,
                    MaxReceiveMessageSize = options.SubgraphResponseLimit,
                    TlsBySubgraph = options.Tls.LoadIfValid(),
                    ReplicasBySubgraph = options.Replicas.Balanced(Traffic.ReplicaSettings.IsGrpc)
                        .ToDictionary(pair => pair.Key, pair => pair.Value.Urls, StringComparer.OrdinalIgnoreCase),
                },
                logger: provider.GetService<ILogger<GrpcSubgraphClient>>());
        });
        services.AddSingleton<ISubgraphClientFactory>(provider => new GrpcSubgraphClientFactory(provider.GetRequiredService<GrpcSubgraphClient>));
        services.TryAddSingleton(provider => new GrpcSourceRecovery(
            DescriptorCacheFolder(configuration, provider.GetRequiredService<IOptions<GatewayOptions>>().Value) is { } cacheFolder
                ? new DescriptorCache(cacheFolder, provider.GetService<ILogger<DescriptorCache>>())
                : null,
            provider.GetService<ILogger<GrpcSourceRecovery>>()));
        services.AddSingleton(provider => GrpcConfigSources.Resolver(
            ConfigDirectory(configuration) ?? Directory.GetCurrentDirectory(), provider.GetRequiredService<GrpcSourceRegistry>(),
            recovery: provider.GetRequiredService<GrpcSourceRecovery>()));
        return services;
    }

    /// <summary>The folder of the <c>--config</c> file (or of <c>Gateway:SourcesConfig</c>), when there is one.</summary>
    internal static string? ConfigDirectory(IConfiguration configuration)
    {
        var configPath = configuration[SupergraphFileServiceCollectionExtensions.ConfigKey] is { Length: > 0 } c ? c
            : configuration[GatewayOptions.SectionName + ":ConfigPath"] is { Length: > 0 } p ? p
            : configuration[GatewayOptions.SectionName + ":" + nameof(GatewayOptions.SourcesConfig)];
        return string.IsNullOrEmpty(configPath) ? null : Path.GetDirectoryName(Path.GetFullPath(configPath))!;
    }

    /// <summary><c>Gateway:GrpcDescriptorCache</c>, else <c>.fgw-cache/grpc</c> next to the config file, else in the temporary folder; null when <c>off</c>.</summary>
    private static string? DescriptorCacheFolder(IConfiguration configuration, GatewayOptions options) =>
        options.GrpcDescriptorCache switch
        {
            { } off when off.Equals("off", StringComparison.OrdinalIgnoreCase) => null,
            { Length: > 0 } folder => Path.GetFullPath(folder),
            _ => ConfigDirectory(configuration) is { } directory
                ? Path.Combine(directory, ".fgw-cache", "grpc")
                : Path.Combine(Path.GetTempPath(), "fgw-cache", "grpc"),
        };

    private static GrpcSourceRegistry CreateRegistry(IConfiguration configuration)
    {
        var registry = new GrpcSourceRegistry();
        foreach (var subgraph in configuration.GetSection(SectionName).GetChildren())
        {
            var descriptorSet = subgraph["DescriptorSet"];
            registry.Add(subgraph.Key, new GrpcSourceDefinition
            {
                DescriptorSetPath = string.IsNullOrEmpty(descriptorSet) ? null : Path.GetFullPath(descriptorSet),
                Reflection = string.IsNullOrEmpty(descriptorSet) || string.Equals(subgraph["Reflection"], "true", StringComparison.OrdinalIgnoreCase),
                ReflectionUrl = subgraph["ReflectionUrl"],
                Translation = new TranslationOptions
                {
                    Int64AsNumber = string.Equals(subgraph["Int64AsNumber"], "true", StringComparison.OrdinalIgnoreCase),
                },
            });
        }

        return registry;
    }
}
