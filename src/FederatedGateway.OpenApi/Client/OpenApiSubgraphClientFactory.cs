using System.Runtime.CompilerServices;
using FederatedGateway.Execution.Sources;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;
using FederatedGateway.OpenApi.Sources;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// REST APIs described by OpenAPI as subgraphs: claims the subgraphs the <see cref="OpenApiSourceRegistry"/> knows by
/// name (their URLs are plain http), one client per source (a recomposed source gets a new one), all calls through
/// one <see cref="HttpClient"/>. The subgraph's URL (the supergraph's, or its override) is the API's base URL.
/// </summary>
public sealed class OpenApiSubgraphClientFactory(OpenApiSourceRegistry registry, HttpClient http, int maxResponseBodySize, ILoggerFactory? loggers = null) : ISubgraphClientFactory
{
    private readonly ConditionalWeakTable<OpenApiSource, Dictionary<string, OpenApiSubgraphClient>> _clients = [];

    public string Kind => "openapi";

    public bool ServesByName => true;

    public bool CanHandle(SubgraphEndpoint subgraph) => registry.TryGet(subgraph.Name, out _);

    public ISubgraphClient GetClient(SubgraphEndpoint subgraph)
    {
        if (!registry.TryGet(subgraph.Name, out var source))
        {
            throw new InvalidOperationException($"Subgraph \"{subgraph.Name}\" is not an OpenAPI source.");
        }

        var byUrl = _clients.GetValue(source, _ => new Dictionary<string, OpenApiSubgraphClient>(StringComparer.Ordinal));
        lock (byUrl)
        {
            if (!byUrl.TryGetValue(subgraph.Url, out var client))
            {
                var baseUrl = Uri.TryCreate(subgraph.Url, UriKind.Absolute, out var url) ? url : source.BaseUrl;
                byUrl[subgraph.Url] = client = new OpenApiSubgraphClient(
                    source.Translation, baseUrl, http, maxResponseBodySize, loggers?.CreateLogger<OpenApiSubgraphClient>(), source.Headers);
            }

            return client;
        }
    }

    /// <summary>REST APIs have no subscriptions.</summary>
    public ISubgraphSubscriber? GetSubscriber(SubgraphEndpoint subgraph) => null;
}
