using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Translation;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>A REST API described by OpenAPI, ready to serve.</summary>
public sealed class OpenApiSource(ApiTranslation translation, Uri baseUrl)
    : ApiSource(Core.CompositionConfig.SourceEntry.OpenApiKind, translation, baseUrl)
{
    public override IApiCaller CreateCaller(ApiCallContext context) => new RestCaller(Translation, context, Headers);
}
