using System.Runtime.CompilerServices;
using FederatedGateway.Execution.Sources;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Execution.Transport.Resilience;
using FederatedGateway.OpenApi.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// Services of one kind (<c>openapi</c>, <c>soap</c>) as subgraphs: claims the subgraphs of that kind the
/// <see cref="ApiSourceRegistry"/> knows, by name (their URLs are plain http), one client per source and URL (a
/// recomposed source gets a new one), calls under the gateway's traffic rules. The subgraph's URL (the supergraph's,
/// or its override) is the service's base URL.
/// </summary>
/// <param name="http">The client of a subgraph, by name (its own when it has TLS settings).</param>
/// <param name="resilience">The gateway's retry and circuit-breaker pipelines; null sends each call once.</param>
/// <param name="check">Refuses a subgraph the source may not serve (credentials in plain text in Production).</param>
/// <param name="deduplicate">Identical subgraph requests of concurrent client requests in flight together are sent once (<see cref="DeduplicatingSubgraphClient"/>), as for GraphQL subgraphs.</param>
public sealed class ApiSubgraphClientFactory(
    string kind,
    ApiSourceRegistry registry,
    Func<string, HttpClient> http,
    int maxResponseBodySize,
    ILoggerFactory? loggers = null,
    SubgraphResiliencePipelines? resilience = null,
    Action<SubgraphEndpoint, ApiSource>? check = null,
    bool deduplicate = false) : ISubgraphClientFactory
{
    private readonly ConditionalWeakTable<ApiSource, Dictionary<string, ISubgraphClient>> _clients = [];

    public string Kind => kind;

    public bool ServesByName => true;

    public bool CanHandle(SubgraphEndpoint subgraph) => registry.TryGet(subgraph.Name, out var source) && source.Kind == kind;

    public ISubgraphClient GetClient(SubgraphEndpoint subgraph)
    {
        if (!registry.TryGet(subgraph.Name, out var source) || source.Kind != kind)
        {
            throw new InvalidOperationException($"Subgraph \"{subgraph.Name}\" is not a {kind} source.");
        }

        check?.Invoke(subgraph, source);
        var byUrl = _clients.GetValue(source, _ => new Dictionary<string, ISubgraphClient>(StringComparer.Ordinal));
        lock (byUrl)
        {
            if (!byUrl.TryGetValue(subgraph.Url, out var client))
            {
                var baseUrl = Uri.TryCreate(subgraph.Url, UriKind.Absolute, out var url) ? url : source.BaseUrl;
                var logger = (ILogger?)loggers?.CreateLogger("FederatedGateway.Sources." + kind) ?? NullLogger.Instance;
                var context = new ApiCallContext(subgraph.Name, baseUrl, http(subgraph.Name), maxResponseBodySize, logger, resilience, source.Credentials);
                var api = new ApiSubgraphClient(source.Translation, source.CreateCaller(context));
                byUrl[subgraph.Url] = client = deduplicate ? new DeduplicatingSubgraphClient(api) : api;
            }

            return client;
        }
    }

    /// <summary>REST and SOAP services have no subscriptions.</summary>
    public ISubgraphSubscriber? GetSubscriber(SubgraphEndpoint subgraph) => null;
}
