using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace FederatedGateway.OpenApi;

/// <summary>Reads OpenAPI 3.0/3.1 documents (JSON or YAML) with Microsoft.OpenApi; a document with errors is refused, all of them named.</summary>
public static class OpenApiDocuments
{
    /// <exception cref="OpenApiSourceException">The file is missing, not OpenAPI, or has errors.</exception>
    public static async Task<OpenApiDocument> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new OpenApiSourceException($"{path}: no such OpenAPI document.");
        }

        await using var stream = File.OpenRead(path);
        var format = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? "yaml" : "json";
        return await LoadAsync(stream, format, path, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="origin">The document's name in messages (its path or URL).</param>
    public static async Task<OpenApiDocument> LoadAsync(Stream stream, string format, string origin, CancellationToken cancellationToken = default)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        ReadResult result;
        try
        {
            result = await OpenApiDocument.LoadAsync(stream, format, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new OpenApiSourceException($"{origin}: not a readable OpenAPI document: {ex.Message}", ex);
        }

        if (result.Diagnostic?.Errors is { Count: > 0 } errors)
        {
            throw new OpenApiSourceException($"{origin}: the OpenAPI document has {errors.Count} error(s): "
                + string.Join("; ", errors.Take(5).Select(e => e.ToString())) + (errors.Count > 5 ? "; …" : "."));
        }

        return result.Document ?? throw new OpenApiSourceException($"{origin}: not an OpenAPI document.");
    }
}
