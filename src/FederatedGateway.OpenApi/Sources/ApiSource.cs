using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Translation;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>
/// A service translated into the graph and ready to serve (a REST API, a SOAP service): its kind, its translation,
/// its base URL, and how a call of it is made.
/// </summary>
public abstract class ApiSource(string kind, ApiTranslation translation, Uri baseUrl)
{
    /// <summary>The source kind (<c>openapi</c>, <c>soap</c>): the key under <c>schema:</c>, and the route's kind.</summary>
    public string Kind { get; } = kind;

    public ApiTranslation Translation { get; } = translation;

    public Uri BaseUrl { get; } = baseUrl;

    /// <summary>The caller of this service at <paramref name="baseUrl"/> (the subgraph's URL, or its override).</summary>
    public abstract IApiCaller CreateCaller(Uri baseUrl, HttpClient http, int maxResponseBodySize, ILogger logger);
}
