using FederatedGateway.AspNetCore.Grpc;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Execution.Sources;
using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.OpenApi;

/// <summary>
/// Registers REST APIs described by OpenAPI as a source kind: the <see cref="ApiSourceRegistry"/> (filled when
/// <c>supergraph.yaml</c> entries with <c>openapi:</c> are composed), the client factory that serves those subgraphs,
/// and the resolver composition uses. Calls share one connection pool with the gateway's subgraph timeout and response limit.
/// </summary>
public static class OpenApiGatewayServiceCollectionExtensions
{
    public static IServiceCollection AddFederatedGatewayOpenApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ApiSourceRegistry>();
        services.AddSingleton<ISubgraphClientFactory>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
            var http = new HttpClient(new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                MaxConnectionsPerServer = options.MaxConnectionsPerServer,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            })
            { Timeout = options.SubgraphTimeout };
            return new ApiSubgraphClientFactory(SourceEntry.OpenApiKind, provider.GetRequiredService<ApiSourceRegistry>(), http, options.SubgraphResponseLimit, provider.GetService<ILoggerFactory>());
        });
        services.AddSingleton(provider => OpenApiConfigSources.Resolver(
            GrpcGatewayServiceCollectionExtensions.ConfigDirectory(configuration) ?? Directory.GetCurrentDirectory(), provider.GetRequiredService<ApiSourceRegistry>()));
        return services;
    }
}
