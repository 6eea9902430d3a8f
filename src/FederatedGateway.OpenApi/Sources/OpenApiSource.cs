using FederatedGateway.OpenApi.Translation;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>An OpenAPI source ready to serve: its translation, the API's base URL and the headers sent with every call.</summary>
public sealed record OpenApiSource(OpenApiTranslation Translation, Uri BaseUrl, IReadOnlyDictionary<string, string> Headers);
