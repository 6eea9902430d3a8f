using FederatedGateway.OpenApi.Translation;

namespace FederatedGateway.Soap.Sources;

/// <summary>A SOAP source as configured: its WSDL, the port it calls, where the service answers, and what the config adds.</summary>
public sealed class SoapSourceDefinition
{
    /// <summary>A full file path, or an http(s) URL.</summary>
    public required string Wsdl { get; init; }

    /// <summary>The service's URL; null means the chosen port's <c>soap:address</c>.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The WSDL port to call; null means the first SOAP 1.1 or 1.2 port.</summary>
    public string? Port { get; init; }

    public ApiTranslationOptions Translation { get; init; } = ApiTranslationOptions.None;

    /// <summary>Headers sent with every call, values with <c>${VAR}</c> taken from the environment.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
