using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>Writes GraphQL responses and envelope errors.</summary>
internal static class ResponseWriter
{
    public const string BadRequestCode = "BAD_REQUEST";
    public const string InternalServerErrorCode = "INTERNAL_SERVER_ERROR";

    // The body is served as JSON, never embedded in HTML: keep quotes and '+' readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a complete UTF-8 body with its status and content type.</summary>
    public static async Task WriteBodyAsync(HttpResponse response, int statusCode, string contentType, ReadOnlyMemory<byte> body)
    {
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        if (await BodyCompression.TryWriteAsync(response, body).ConfigureAwait(false))
        {
            return;
        }

        response.ContentLength = body.Length;
        await LargeBodyWriter.WriteAsync(response.Body, body).ConfigureAwait(false);
    }

    /// <summary>Writes <c>{"errors":[{"message":…,"extensions":{"code":…}}]}</c>.</summary>
    public static Task WriteErrorAsync(HttpResponse response, int statusCode, ResponseMediaType mediaType, string message, string code = BadRequestCode)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteStartObject("extensions");
            writer.WriteString("code", code);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return WriteBodyAsync(response, statusCode, MediaTypes.ContentType(mediaType), buffer.WrittenMemory);
    }
}
