using FederatedGateway.OpenApi.Translation;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>An OpenAPI source as configured: where its document is, where its API answers, and what the config adds.</summary>
public sealed class OpenApiSourceDefinition
{
    /// <summary>A full file path, or an http(s) URL.</summary>
    public required string Document { get; init; }

    /// <summary>The API's base URL; null means the document's first absolute server URL.</summary>
    public Uri? BaseUrl { get; init; }

    public ApiTranslationOptions Translation { get; init; } = ApiTranslationOptions.None;

    /// <summary>Headers sent with every call to the API (an API key, a static token), values with <c>${VAR}</c> taken from the environment.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
