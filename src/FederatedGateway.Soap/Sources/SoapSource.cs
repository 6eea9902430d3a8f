using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Sources;
using FederatedGateway.Soap.Client;
using FederatedGateway.Soap.Translation;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Soap.Sources;

/// <summary>A SOAP service described by WSDL, ready to serve; <see cref="Headers"/> go with every call.</summary>
public sealed class SoapSource(SoapTranslation translation, Uri baseUrl, IReadOnlyDictionary<string, string> headers)
    : ApiSource(Core.CompositionConfig.SourceEntry.SoapKind, translation.Api, baseUrl)
{
    public SoapTranslation Soap { get; } = translation;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public override IApiCaller CreateCaller(Uri baseUrl, HttpClient http, int maxResponseBodySize, ILogger logger) =>
        new SoapCaller(Soap, baseUrl, http, maxResponseBodySize, Headers, logger);
}
