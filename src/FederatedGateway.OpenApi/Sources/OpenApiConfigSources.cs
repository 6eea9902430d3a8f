using FederatedGateway.Core.Composition;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.OpenApi.Translation;
using Microsoft.OpenApi;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>
/// The <c>schema: { openapi: { … } }</c> entries of <c>supergraph.yaml</c> (<see cref="OpenApiSourceDefinition"/>): each
/// document is read (a file, or fetched from its URL within a size limit), translated with the entry's options, and
/// routed at its base URL; with a registry, the source is registered for the gateway's client.
/// </summary>
public static class OpenApiConfigSources
{
    /// <param name="configDirectory">The folder of the config file (relative documents resolve against it).</param>
    /// <param name="http">Fetches documents given by URL; null makes one for each fetch.</param>
    public static SourceKindResolver Resolver(string configDirectory, ApiSourceRegistry? registry = null, HttpClient? http = null) =>
        new(SourceEntry.OpenApiKind, async (subgraph, cancellationToken) =>
        {
            var definition = OpenApiSourceDefinition.Read(subgraph, configDirectory);
            var where = $"subgraph \"{subgraph.Name}\": openapi";
            try
            {
                var document = await LoadAsync(definition.Document, http, cancellationToken).ConfigureAwait(false);
                var translation = OpenApiTranslator.Translate(document, definition.Document, definition.Translation);
                var baseUrl = definition.BaseUrl ?? ServerUrl(document)
                    ?? throw new OpenApiSourceException($"{definition.Document} names no absolute http(s) server: give \"base_url\" (or routing_url).");
                var (headers, credentials) = definition.Credentials();
                registry?.Add(subgraph.Name, new OpenApiSource(translation, baseUrl) { Headers = headers, Credentials = credentials });
                return new SubgraphSource(subgraph.Name, baseUrl.ToString(), translation.Sdl, definition.Document);
            }
            catch (OpenApiSourceException ex)
            {
                throw new SupergraphConfigException($"{where}: {ex.Message}", ex);
            }
        });

    /// <summary>The document at a path or URL.</summary>
    /// <exception cref="OpenApiSourceException">It cannot be had or read.</exception>
    public static async Task<OpenApiDocument> LoadAsync(string document, HttpClient? http, CancellationToken cancellationToken)
    {
        try
        {
            var (content, mediaType) = await SourceDocuments.OpenAsync(document, http, cancellationToken).ConfigureAwait(false);
            await using (content)
            {
                var yaml = mediaType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true
                    || document.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || document.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
                return await OpenApiDocuments.LoadAsync(content, yaml ? "yaml" : "json", document, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SourceDocumentException ex)
        {
            throw new OpenApiSourceException(ex.Message, ex);
        }
    }

    /// <summary>The document's first server with an absolute http(s) URL.</summary>
    private static Uri? ServerUrl(OpenApiDocument document) =>
        (document.Servers ?? []).Select(s => Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null).FirstOrDefault(u => u is not null);
}
