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
/// <see cref="GrpcSubgraphClient"/> and the <see cref="GrpcSchemaResolver"/> used by composition.
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
        services.TryAddSingleton<GrpcSchemaResolver>(provider =>
        {
            var configPath = configuration[SupergraphFileServiceCollectionExtensions.ConfigKey] is { Length: > 0 } c ? c : configuration[GatewayOptions.SectionName + ":ConfigPath"];
            var folder = string.IsNullOrEmpty(configPath) ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(configPath))!;
            return GrpcConfigSources.Resolver(folder, provider.GetRequiredService<GrpcSourceRegistry>());
        });
        return services;
    }

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
