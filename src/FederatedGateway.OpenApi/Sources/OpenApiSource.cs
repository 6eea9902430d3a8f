using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Translation;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>A REST API described by OpenAPI, ready to serve; <see cref="Headers"/> go with every call.</summary>
public sealed class OpenApiSource(ApiTranslation translation, Uri baseUrl, IReadOnlyDictionary<string, string> headers)
    : ApiSource(Core.CompositionConfig.SourceEntry.OpenApiKind, translation, baseUrl)
{
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public override IApiCaller CreateCaller(Uri baseUrl, HttpClient http, int maxResponseBodySize, ILogger logger) =>
        new RestCaller(Translation, baseUrl, http, maxResponseBodySize, Headers, logger);
}
