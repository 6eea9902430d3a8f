using FederatedGateway.AspNetCore.Grpc;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Execution.Sources;
using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Sources;
using FederatedGateway.Soap.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.ApiSources;

/// <summary>
/// Registers REST APIs described by OpenAPI and SOAP services described by WSDL as source kinds: the
/// <see cref="ApiSourceRegistry"/> (filled when <c>supergraph.yaml</c> entries with <c>openapi:</c> or <c>soap:</c>
/// are composed), a client factory per kind, and the resolvers composition uses. Calls of both share one connection
/// pool with the gateway's subgraph timeout, connection limit and response limit.
/// </summary>
public static class ApiSourcesServiceCollectionExtensions
{
    public static IServiceCollection AddFederatedGatewayApiSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ApiSourceRegistry>();
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return new ApiSourcesHttpClient(new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                MaxConnectionsPerServer = options.MaxConnectionsPerServer,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            })
            { Timeout = options.SubgraphTimeout };
        });
        foreach (var kind in new[] { SourceEntry.OpenApiKind, SourceEntry.SoapKind })
        {
            services.AddSingleton<ISubgraphClientFactory>(provider => new ApiSubgraphClientFactory(
                kind,
                provider.GetRequiredService<ApiSourceRegistry>(),
                provider.GetRequiredService<ApiSourcesHttpClient>(),
                provider.GetRequiredService<IOptions<GatewayOptions>>().Value.SubgraphResponseLimit,
                provider.GetService<ILoggerFactory>()));
        }

        var folder = GrpcGatewayServiceCollectionExtensions.ConfigDirectory(configuration) ?? Directory.GetCurrentDirectory();
        services.AddSingleton(provider => OpenApiConfigSources.Resolver(folder, provider.GetRequiredService<ApiSourceRegistry>()));
        services.AddSingleton(provider => SoapConfigSources.Resolver(folder, provider.GetRequiredService<ApiSourceRegistry>()));
        return services;
    }

    /// <summary>The one client the REST and SOAP sources call through (its own type, so no other registration takes it).</summary>
    internal sealed class ApiSourcesHttpClient(HttpMessageHandler handler) : HttpClient(handler);
}
