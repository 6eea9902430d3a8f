using System.Text;
using System.Text.Json;

namespace FederatedGateway.AspNetCore.Tests.Infrastructure;

/// <summary>Builds raw requests (exact headers, exact bytes) and reads answers.</summary>
public static class Http
{
    public const string Json = "application/json";
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static HttpRequestMessage Post(string path, string? body, string? contentType = Json, string? accept = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return message;
    }

    public static HttpRequestMessage Get(string pathAndQuery, string? accept = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return message;
    }

    public static string Query(params (string Name, string Value)[] parameters) =>
        "/graphql?" + string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));

    public static string? MediaType(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));

    /// <summary>The <c>extensions.code</c> of the first error of a GraphQL response.</summary>
    public static async Task<string?> FirstErrorCodeAsync(HttpResponseMessage response)
    {
        using var document = await ReadJsonAsync(response).ConfigureAwait(false);
        return document.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }

    /// <summary>Content whose length is unknown up front, so HttpClient sends it chunked.</summary>
    public sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes, string contentType)
        {
            _bytes = bytes;
            Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
