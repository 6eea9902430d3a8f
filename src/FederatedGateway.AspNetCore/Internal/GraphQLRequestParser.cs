using FederatedGateway.Execution.Execution;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>Reads the GraphQL-over-HTTP request parameters from a POST body or a GET query string.</summary>
internal static class GraphQLRequestParser
{
    private const int InitialBufferSize = 4096;

    private const int MaxJsonDepth = 128;

    /// <summary>Reads and parses a POST body (UTF-8 JSON object). The content type was checked by the caller.</summary>
    public static async ValueTask<(ParsedGraphQLRequest? Request, EnvelopeError Error)> ParsePostAsync(
        HttpContext context, long maxBodySize, CancellationToken cancellationToken)
    {
        var httpRequest = context.Request;
        if (httpRequest.ContentLength > maxBodySize)
        {
            return (null, TooLarge(maxBodySize));
        }

        // The loop below counts the body itself (exactly, also for chunked bodies, where Kestrel's own check trips a
        // little early); lift the server's limit (Kestrel: 30 MB by default) so it never answers first.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        var limit = (int)Math.Min(maxBodySize, Array.MaxLength - 1);
        var buffer = PooledArrays.Rent(
            httpRequest.ContentLength is { } declared ? (int)Math.Max(declared, 1) : Math.Min(InitialBufferSize, limit + 1));
        var length = 0;
        var owned = false;
        try
        {
            var body = httpRequest.Body;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        return (null, TooLarge(maxBodySize));
                    }

                    var larger = PooledArrays.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    PooledArrays.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    return (null, TooLarge(maxBodySize));
                }
            }

            var json = buffer.AsMemory(0, length);
            if (json.Span.StartsWith(Utf8Bom))
            {
                json = json[Utf8Bom.Length..];
            }

            if (json.IsEmpty)
            {
                return (null, new EnvelopeError(StatusCodes.Status400BadRequest, "The request body is empty."));
            }

            if (ClientJson.Parse(json, MaxJsonDepth, out var problem) is not { } document)
            {
                return (null, BadRequest(Sentence("The request body", problem!)));
            }

            var request = new ParsedGraphQLRequest();
            request.OwnBody(document, buffer);
            owned = true;

            var error = ReadBodyParameters(document.RootElement, request);
            if (error is { } failure)
            {
                request.Dispose();
                return (null, failure);
            }

            return (request, default);
        }
        catch (BadHttpRequestException ex)
        {
            // The server's own body size limit (or a malformed chunked body).
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(maxBodySize)
                : new EnvelopeError(ex.StatusCode, "The request body could not be read."));
        }
        finally
        {
            if (!owned)
            {
                PooledArrays.Return(buffer);
            }
        }
    }

    /// <summary>Reads the parameters of a GET request from the query string.</summary>
    public static (ParsedGraphQLRequest? Request, EnvelopeError Error) ParseGet(IQueryCollection queryString)
    {
        var request = new ParsedGraphQLRequest();
        var error = ReadQueryStringParameters(queryString, request);
        if (error is { } failure)
        {
            request.Dispose();
            return (null, failure);
        }

        return (request, default);
    }

    private static EnvelopeError? ReadBodyParameters(JsonElement root, ParsedGraphQLRequest request)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return BadRequest("The request body must be a JSON object.");
        }

        var hasQuery = false;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals("query"))
            {
                if (value.ValueKind != JsonValueKind.String)
                {
                    return BadRequest("The \"query\" parameter must be a string.");
                }

                request.Query = value.GetString();
                hasQuery = true;
            }
            else if (property.NameEquals("operationName"))
            {
                if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return BadRequest("The \"operationName\" parameter must be a string or null.");
                }

                request.OperationName = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }
            else if (property.NameEquals("variables"))
            {
                if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    return BadRequest("The \"variables\" parameter must be an object or null.");
                }

                request.Variables = value.ValueKind == JsonValueKind.Object ? value : default;
            }
            else if (property.NameEquals("extensions"))
            {
                if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    return BadRequest("The \"extensions\" parameter must be an object or null.");
                }

                request.Extensions = value.ValueKind == JsonValueKind.Object ? value : default;
            }
        }

        return hasQuery || NamesPersistedDocument(request) ? null : BadRequest("The \"query\" parameter is required.");
    }

    /// <summary>Whether the request names its document by <c>extensions.persistedQuery</c> instead of sending it.</summary>
    private static bool NamesPersistedDocument(ParsedGraphQLRequest request) =>
        request.Extensions.ValueKind == JsonValueKind.Object && request.Extensions.TryGetProperty("persistedQuery"u8, out _);

    private static EnvelopeError? ReadQueryStringParameters(IQueryCollection queryString, ParsedGraphQLRequest request)
    {
        if (!TryGetSingle(queryString, "query", out var query, out var error))
        {
            return error;
        }

        request.Query = query;

        if (!TryGetSingle(queryString, "operationName", out var operationName, out error))
        {
            return error;
        }

        request.OperationName = string.IsNullOrEmpty(operationName) ? null : operationName;

        if (!TryGetSingle(queryString, "variables", out var variables, out error))
        {
            return error;
        }

        if (!string.IsNullOrEmpty(variables))
        {
            if (ParseJsonParameter("variables", variables, out error) is not { } parsed)
            {
                return error;
            }

            request.OwnVariables(parsed);
            request.Variables = parsed.RootElement.ValueKind == JsonValueKind.Object ? parsed.RootElement : default;
        }

        if (!TryGetSingle(queryString, "extensions", out var extensions, out error))
        {
            return error;
        }

        if (!string.IsNullOrEmpty(extensions))
        {
            if (ParseJsonParameter("extensions", extensions, out error) is not { } parsed)
            {
                return error;
            }

            request.OwnExtensions(parsed);
            request.Extensions = parsed.RootElement.ValueKind == JsonValueKind.Object ? parsed.RootElement : default;
        }

        return request.Query is not null || NamesPersistedDocument(request) ? null : BadRequest("The \"query\" parameter is required.");
    }

    /// <summary>Parses a JSON-encoded query-string parameter; null (and the error) unless it is an object or <c>null</c>.</summary>
    private static JsonDocument? ParseJsonParameter(string name, string value, out EnvelopeError? error)
    {
        var document = ClientJson.Parse(Encoding.UTF8.GetBytes(value), MaxJsonDepth, out var problem);
        if (document is null)
        {
            error = BadRequest(Sentence($"The \"{name}\" parameter", problem!));
            return null;
        }

        if (document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
        {
            error = null;
            return document;
        }

        document.Dispose();
        error = BadRequest($"The \"{name}\" parameter must be a JSON-encoded object.");
        return null;
    }

    private static bool TryGetSingle(IQueryCollection queryString, string name, out string? value, out EnvelopeError? error)
    {
        var values = queryString.TryGetValue(name, out var found) ? found : StringValues.Empty;
        if (values.Count > 1)
        {
            value = null;
            error = BadRequest($"The \"{name}\" parameter must not be repeated.");
            return false;
        }

        value = values.Count == 1 ? values[0] : null;
        error = null;
        return true;
    }

    private static EnvelopeError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    /// <summary><paramref name="subject"/> followed by what is wrong with it, ending with one full stop.</summary>
    private static string Sentence(string subject, string problem) => $"{subject} {problem.TrimEnd('.')}.";

    private static EnvelopeError TooLarge(long maxBodySize) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBodySize} bytes.");

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
}
