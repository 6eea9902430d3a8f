using System.Text.RegularExpressions;
using FederatedGateway.Core.CompositionConfig;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>
/// What every translated source needs of its config: its description document (a file, or fetched from an http(s)
/// URL within <see cref="MaxDocumentBytes"/>), and header values with <c>${NAME}</c> taken from the environment.
/// </summary>
public static partial class SourceDocuments
{
    /// <summary>The largest document fetched from a URL.</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>The document's bytes and, when fetched, the media type it was served as.</summary>
    /// <param name="http">Fetches documents given by URL; null makes one for the fetch.</param>
    /// <exception cref="SourceDocumentException">It cannot be read or fetched, or is too large.</exception>
    public static async Task<(Stream Content, string? MediaType)> OpenAsync(string document, HttpClient? http, CancellationToken cancellationToken)
    {
        if (!SourceEntry.IsUrl(document))
        {
            try
            {
                return (File.OpenRead(document), null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SourceDocumentException($"{document}: cannot be read: {ex.Message}", ex);
            }
        }

        var client = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await client.GetAsync(document, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceDocumentException($"{document} answered HTTP {(int)response.StatusCode}.");
            }

            if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            {
                throw TooLarge(document);
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
                        throw TooLarge(document);
                    }

                    bytes.Write(buffer, 0, read);
                }
            }

            bytes.Position = 0;
            return (bytes, response.Content.Headers.ContentType?.MediaType);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceDocumentException($"cannot fetch {document}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceDocumentException($"{document} did not answer within {client.Timeout.TotalSeconds:0} s.", ex);
        }
        finally
        {
            if (http is null)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Header values with <c>${NAME}</c> replaced by the environment variable (so secrets stay out of the file); an unset one is an error.</summary>
    /// <param name="where">The entry's description for messages.</param>
    public static Dictionary<string, string> ExpandHeaders(IReadOnlyDictionary<string, string> headers, string where)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.ToDictionary(h => h.Key, h => ExpandValue(h.Value, $"header \"{h.Key}\"", where), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A value with <c>${NAME}</c> replaced by the environment variable; an unset one is an error naming <paramref name="what"/>.</summary>
    public static string ExpandValue(string value, string what, string where) =>
        EnvironmentReference().Replace(value, m => Environment.GetEnvironmentVariable(m.Groups[1].Value)
            ?? throw new SupergraphConfigException($"{where}: {what} reads the environment variable {m.Groups[1].Value}, which is not set."));

    /// <summary>The client token endpoints are asked through (one for the process: tokens are asked rarely).</summary>
    public static HttpClient TokenClient { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(15) };

    private static SourceDocumentException TooLarge(string document) => new($"{document} is larger than {MaxDocumentBytes / 1024 / 1024} MiB.");

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex EnvironmentReference();
}

/// <summary>A source's description document cannot be had.</summary>
public sealed class SourceDocumentException(string message, Exception? inner = null) : Exception(message, inner);
