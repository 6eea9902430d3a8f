using System.Collections.Concurrent;
using FederatedGateway.AspNetCore.Grpc;
using FederatedGateway.AspNetCore.Tls;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Execution.Sources;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Execution.Transport.Resilience;
using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Sources;
using FederatedGateway.Soap.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.ApiSources;

/// <summary>
/// Registers REST APIs described by OpenAPI and SOAP services described by WSDL as source kinds: the
/// <see cref="ApiSourceRegistry"/> (filled when <c>supergraph.yaml</c> entries with <c>openapi:</c> or <c>soap:</c>
/// are composed), a client factory per kind, and the resolvers composition uses. Calls follow the gateway's subgraph
/// rules: its timeout, connection limit and response limit, its retries and circuit breaker
/// (<c>Gateway:Resilience</c>), TLS per subgraph (<c>Gateway:Tls:Subgraphs:&lt;name&gt;</c>, a client certificate for
/// mutual TLS), in-flight deduplication of identical query fetches (<c>Gateway:DeduplicateQueries</c>), and in
/// Production no credentials over plain http off loopback.
/// </summary>
public static class ApiSourcesServiceCollectionExtensions
{
    public static IServiceCollection AddFederatedGatewayApiSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ApiSourceRegistry>();
        services.TryAddSingleton(provider => new ApiSourceClients(provider.GetRequiredService<IOptions<GatewayOptions>>().Value));
        foreach (var kind in new[] { SourceEntry.OpenApiKind, SourceEntry.SoapKind })
        {
            services.AddSingleton<ISubgraphClientFactory>(provider =>
            {
                var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
                var clients = provider.GetRequiredService<ApiSourceClients>();
                var isProduction = provider.GetService<IHostEnvironment>()?.IsProduction() ?? true;
                return new ApiSubgraphClientFactory(
                    kind,
                    provider.GetRequiredService<ApiSourceRegistry>(),
                    clients.For,
                    options.SubgraphResponseLimit,
                    provider.GetService<ILoggerFactory>(),
                    clients.Resilience,
                    PlainTextCredentialCheck.ForApiSources(options, isProduction),
                    options.DeduplicateQueries);
            });
        }

        var folder = GrpcGatewayServiceCollectionExtensions.ConfigDirectory(configuration) ?? Directory.GetCurrentDirectory();
        services.AddSingleton(provider => OpenApiConfigSources.Resolver(folder, provider.GetRequiredService<ApiSourceRegistry>()));
        services.AddSingleton(provider => SoapConfigSources.Resolver(folder, provider.GetRequiredService<ApiSourceRegistry>()));
        return services;
    }

    /// <summary>
    /// The clients REST and SOAP calls go through: one shared, and one of its own for each subgraph with TLS settings;
    /// and the sources' retry and circuit-breaker pipelines.
    /// </summary>
    internal sealed class ApiSourceClients(GatewayOptions options)
    {
        private readonly Dictionary<string, SubgraphTls> _tls = options.Tls.LoadIfValid();
        private readonly ConcurrentDictionary<string, HttpClient> _own = new(StringComparer.Ordinal);
        private readonly Lazy<HttpClient> _shared = new(() => Create(options, null));

        public SubgraphResiliencePipelines? Resilience { get; } = options.ToSubgraphClientOptions().Resilience;

        public HttpClient For(string subgraph) =>
            _tls.TryGetValue(subgraph, out var tls) ? _own.GetOrAdd(subgraph, _ => Create(options, tls)) : _shared.Value;

        private static HttpClient Create(GatewayOptions options, SubgraphTls? tls)
        {
            var handler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = options.PooledConnectionLifetime,
                MaxConnectionsPerServer = options.MaxConnectionsPerServer,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            };
            tls?.Apply(handler);
            return new HttpClient(handler) { Timeout = options.SubgraphTimeout };
        }
    }
}
