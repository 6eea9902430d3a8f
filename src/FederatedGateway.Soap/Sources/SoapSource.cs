using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Sources;
using FederatedGateway.Soap.Client;
using FederatedGateway.Soap.Translation;

namespace FederatedGateway.Soap.Sources;

/// <summary>A SOAP service described by WSDL, ready to serve.</summary>
public sealed class SoapSource(SoapTranslation translation, Uri baseUrl)
    : ApiSource(Core.CompositionConfig.SourceEntry.SoapKind, translation.Api, baseUrl)
{
    public SoapTranslation Soap { get; } = translation;

    public override IApiCaller CreateCaller(ApiCallContext context) => new SoapCaller(Soap, context, Headers);
}
