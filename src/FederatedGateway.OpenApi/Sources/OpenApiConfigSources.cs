using System.Text.RegularExpressions;
using FederatedGateway.Core.Composition;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.OpenApi.Translation;
using Microsoft.OpenApi;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>
/// The <c>schema: { openapi: { … } }</c> entries of <c>supergraph.yaml</c> (<see cref="OpenApiConfigReader"/>): each
/// document is read (a file, or fetched from its URL within a size limit), translated with the entry's options, and
/// routed at its base URL; with a registry, the source is registered for the gateway's client.
/// </summary>
public static partial class OpenApiConfigSources
{
    /// <summary>The largest document fetched from a URL.</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <param name="configDirectory">The folder of the config file (relative documents resolve against it).</param>
    /// <param name="http">Fetches documents given by URL; null makes one for each fetch.</param>
    public static SourceKindResolver Resolver(string configDirectory, ApiSourceRegistry? registry = null, HttpClient? http = null) =>
        new(SourceEntry.OpenApiKind, async (subgraph, cancellationToken) =>
        {
            var definition = OpenApiConfigReader.Read(subgraph, configDirectory);
            var where = $"subgraph \"{subgraph.Name}\": openapi";
            try
            {
                var document = await LoadAsync(definition.Document, http, cancellationToken).ConfigureAwait(false);
                var translation = OpenApiTranslator.Translate(document, definition.Document, definition.Translation);
                var baseUrl = definition.BaseUrl ?? ServerUrl(document)
                    ?? throw new OpenApiSourceException($"{definition.Document} names no absolute http(s) server: give \"base_url\" (or routing_url).");
                var headers = ExpandHeaders(definition.Headers, where);
                registry?.Add(subgraph.Name, new OpenApiSource(translation, baseUrl, headers));
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
        if (!SourceEntry.IsUrl(document))
        {
            return await OpenApiDocuments.LoadAsync(document, cancellationToken).ConfigureAwait(false);
        }

        var client = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await client.GetAsync(document, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new OpenApiSourceException($"{document} answered HTTP {(int)response.StatusCode}.");
            }

            if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            {
                throw new OpenApiSourceException($"{document} is larger than {MaxDocumentBytes / 1024 / 1024} MiB.");
            }

            var bytes = new MemoryStream();
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (bytes.Length + read > MaxDocumentBytes)
                    {
                        throw new OpenApiSourceException($"{document} is larger than {MaxDocumentBytes / 1024 / 1024} MiB.");
                    }

                    bytes.Write(buffer, 0, read);
                }
            }

            bytes.Position = 0;
            var yaml = response.Content.Headers.ContentType?.MediaType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true
                || document.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || document.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
            return await OpenApiDocuments.LoadAsync(bytes, yaml ? "yaml" : "json", document, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new OpenApiSourceException($"cannot fetch {document}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OpenApiSourceException($"{document} did not answer within {client.Timeout.TotalSeconds:0} s.", ex);
        }
        finally
        {
            if (http is null)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>The document's first server with an absolute http(s) URL.</summary>
    private static Uri? ServerUrl(OpenApiDocument document) =>
        (document.Servers ?? []).Select(s => Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null).FirstOrDefault(u => u is not null);

    /// <summary>Header values with <c>${NAME}</c> replaced by the environment variable (so secrets stay out of the file); an unset one is an error.</summary>
    private static Dictionary<string, string> ExpandHeaders(IReadOnlyDictionary<string, string> headers, string where) =>
        headers.ToDictionary(
            h => h.Key,
            h => EnvironmentReference().Replace(h.Value, m => Environment.GetEnvironmentVariable(m.Groups[1].Value)
                ?? throw new SupergraphConfigException($"{where}: header \"{h.Key}\" reads the environment variable {m.Groups[1].Value}, which is not set.")),
            StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex EnvironmentReference();
}
