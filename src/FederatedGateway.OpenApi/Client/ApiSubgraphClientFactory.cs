using System.Runtime.CompilerServices;
using FederatedGateway.Execution.Sources;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;
using FederatedGateway.OpenApi.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// Services of one kind (<c>openapi</c>, <c>soap</c>) as subgraphs: claims the subgraphs of that kind the
/// <see cref="ApiSourceRegistry"/> knows, by name (their URLs are plain http), one client per source and URL (a
/// recomposed source gets a new one), all calls through one <see cref="HttpClient"/>. The subgraph's URL (the
/// supergraph's, or its override) is the service's base URL.
/// </summary>
public sealed class ApiSubgraphClientFactory(string kind, ApiSourceRegistry registry, HttpClient http, int maxResponseBodySize, ILoggerFactory? loggers = null) : ISubgraphClientFactory
{
    private readonly ConditionalWeakTable<ApiSource, Dictionary<string, ApiSubgraphClient>> _clients = [];

    public string Kind => kind;

    public bool ServesByName => true;

    public bool CanHandle(SubgraphEndpoint subgraph) => registry.TryGet(subgraph.Name, out var source) && source.Kind == kind;

    public ISubgraphClient GetClient(SubgraphEndpoint subgraph)
    {
        if (!registry.TryGet(subgraph.Name, out var source) || source.Kind != kind)
        {
            throw new InvalidOperationException($"Subgraph \"{subgraph.Name}\" is not a {kind} source.");
        }

        var byUrl = _clients.GetValue(source, _ => new Dictionary<string, ApiSubgraphClient>(StringComparer.Ordinal));
        lock (byUrl)
        {
            if (!byUrl.TryGetValue(subgraph.Url, out var client))
            {
                var baseUrl = Uri.TryCreate(subgraph.Url, UriKind.Absolute, out var url) ? url : source.BaseUrl;
                var logger = (ILogger?)loggers?.CreateLogger("FederatedGateway.Sources." + kind) ?? NullLogger.Instance;
                byUrl[subgraph.Url] = client = new ApiSubgraphClient(source.Translation, source.CreateCaller(baseUrl, http, maxResponseBodySize, logger));
            }

            return client;
        }
    }

    /// <summary>REST and SOAP services have no subscriptions.</summary>
    public ISubgraphSubscriber? GetSubscriber(SubgraphEndpoint subgraph) => null;
}
