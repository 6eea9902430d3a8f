using FederatedGateway.OpenApi.Auth;
using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Translation;

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

    /// <summary>Headers sent with every call (an API key, basic credentials), values from the environment already read.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>How calls authenticate beyond <see cref="Headers"/> (OAuth 2.0 client credentials), if they do.</summary>
    public SourceCredentials? Credentials { get; init; }

    /// <summary>Whether calls carry credentials (for the check that refuses sending them in plain text in Production).</summary>
    public bool SendsCredentials => Credentials is not null || Headers.Count > 0;

    /// <summary>The caller of this service in <paramref name="context"/> (its URL, client and traffic rules).</summary>
    public abstract IApiCaller CreateCaller(ApiCallContext context);
}
