using FederatedGateway.Core.Composition;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.OpenApi;
using FederatedGateway.OpenApi.Sources;
using FederatedGateway.Soap.Translation;
using FederatedGateway.Soap.Wsdl;

namespace FederatedGateway.Soap.Sources;

/// <summary>
/// The <c>schema: { soap: { … } }</c> entries of <c>supergraph.yaml</c> (<see cref="SoapSourceDefinition"/>): each WSDL
/// is read (a file, or fetched from its URL within a size limit; safely, see <see cref="SafeXml"/>), translated with
/// the entry's options, and routed at its base URL; with a registry, the source is registered for the gateway's client.
/// </summary>
public static class SoapConfigSources
{
    /// <param name="configDirectory">The folder of the config file (relative WSDLs resolve against it).</param>
    /// <param name="http">Fetches WSDLs given by URL; null makes one for each fetch.</param>
    public static SourceKindResolver Resolver(string configDirectory, ApiSourceRegistry? registry = null, HttpClient? http = null) =>
        new(SourceEntry.SoapKind, async (subgraph, cancellationToken) =>
        {
            var definition = SoapSourceDefinition.Read(subgraph, configDirectory);
            var where = $"subgraph \"{subgraph.Name}\": soap";
            try
            {
                var translation = await LoadAsync(definition, http, cancellationToken).ConfigureAwait(false);
                var baseUrl = definition.BaseUrl ?? translation.Address
                    ?? throw new SoapSourceException($"{definition.Wsdl}: the port has no absolute http(s) address: give \"base_url\" (or routing_url).");
                var (headers, credentials) = definition.Credentials();
                registry?.Add(subgraph.Name, new SoapSource(translation, baseUrl) { Headers = headers, Credentials = credentials });
                return new SubgraphSource(subgraph.Name, baseUrl.ToString(), translation.Api.Sdl, definition.Wsdl);
            }
            catch (Exception ex) when (ex is SoapSourceException or OpenApiSourceException or SourceDocumentException)
            {
                throw new SupergraphConfigException($"{where}: {ex.Message}", ex);
            }
        });

    /// <summary>The WSDL read and translated.</summary>
    public static async Task<SoapTranslation> LoadAsync(SoapSourceDefinition definition, HttpClient? http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (content, _) = await SourceDocuments.OpenAsync(definition.Wsdl, http, cancellationToken).ConfigureAwait(false);
        await using (content)
        {
            return WsdlTranslator.Translate(WsdlReader.Read(content, definition.Wsdl, definition.Port), definition.Translation);
        }
    }
}
