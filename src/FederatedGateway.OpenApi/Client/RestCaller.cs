using System.Text.Json;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Transport;
using FederatedGateway.OpenApi.Translation;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// Makes one HTTP call of the API and reads its answer: JSON within a size limit (read into a pooled buffer), or the
/// field's error: a non-2xx status as <c>REST_HTTP_ERROR</c> with <c>httpStatus</c> and a problem+json body's
/// details, a call that fails as <c>SUBGRAPH_UNAVAILABLE</c> (the host named in the log only). Each call carries the
/// headers forwarded to the subgraph, then the source's own.
/// </summary>
internal sealed partial class RestCaller(ApiTranslation translation, Uri baseAddress, HttpClient http, int maxResponseBodySize, IReadOnlyDictionary<string, string> headers, ILogger logger) : IApiCaller
{
    public const string HttpErrorCode = "REST_HTTP_ERROR";
    public const string UnavailableCode = "SUBGRAPH_UNAVAILABLE";

    /// <param name="forwarded">The headers the gateway's propagation rules give this subgraph for the client's request.</param>
    public async Task<ApiAnswer> CallAsync(OperationBinding binding, JsonDocument arguments, IReadOnlyList<KeyValuePair<string, string>>? forwarded, CancellationToken cancellationToken)
    {
        using (arguments)
        {
            using var request = RestRequestBuilder.Build(baseAddress, binding, arguments.RootElement, translation);
            foreach (var (name, value) in forwarded ?? [])
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            // The source's own headers (its credentials) win over forwarded ones of the same name.
            foreach (var (name, value) in headers)
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, value);
            }

            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var (buffer, length) = response.Content.Headers.ContentLength > maxResponseBodySize ? (null, -1)
                    : await PooledBodyReader.ReadAsync(
                        await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), response.Content.Headers.ContentLength, maxResponseBodySize, cancellationToken)
                        .ConfigureAwait(false);
                if (buffer is null)
                {
                    return ApiAnswer.Failed($"{binding.Method} {binding.PathTemplate} answered more than {maxResponseBodySize} bytes.", SubgraphFailureCodes.ResponseTooLarge);
                }

                var answer = Answer(binding, status, response.Content.Headers.ContentType?.MediaType, buffer, length);
                if (answer.Json is null)
                {
                    PooledArrays.Return(buffer);
                }

                return answer;
            }
            catch (HttpRequestException ex)
            {
                // The exception names the host and port: the log gets it, the client the operation alone.
                LogUnreachable(logger, binding.Method, binding.PathTemplate, ex);
                return ApiAnswer.Failed($"{binding.Method} {binding.PathTemplate} could not be called (see the gateway log).", UnavailableCode);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return ApiAnswer.Failed($"{binding.Method} {binding.PathTemplate} did not answer within {http.Timeout.TotalSeconds:0.#} s.", UnavailableCode);
            }
        }
    }

    /// <summary>The answer read: its JSON (which keeps <paramref name="buffer"/>), or the field's error.</summary>
    private static ApiAnswer Answer(OperationBinding binding, int status, string? mediaType, byte[] buffer, int length)
    {
        var body = buffer.AsMemory(0, length);
        if (status is < 200 or >= 300)
        {
            return new ApiAnswer(null, null, HttpError(binding, status, mediaType, body.Span));
        }

        if (binding.ReturnsBoolean)
        {
            return new ApiAnswer(null, null, null);
        }

        try
        {
            return new ApiAnswer(JsonDocument.Parse(length == 0 ? "null"u8.ToArray() : body), buffer, null);
        }
        catch (JsonException)
        {
            return ApiAnswer.Failed($"{binding.Method} {binding.PathTemplate} answered {status} with a body that is not JSON.", "SUBREQUEST_MALFORMED_RESPONSE");
        }
    }

    /// <summary>A non-2xx answer as the field's error: the status, and a problem+json body's details.</summary>
    private static ApiError HttpError(OperationBinding binding, int status, string? mediaType, ReadOnlySpan<byte> body)
    {
        JsonElement? problem = null;
        if (mediaType is { } type && type.EndsWith("json", StringComparison.OrdinalIgnoreCase) && body.Length > 0)
        {
            try
            {
                var reader = new Utf8JsonReader(body);
                problem = JsonElement.ParseValue(ref reader);
            }
            catch (JsonException)
            {
                // Not JSON after all: the status alone.
            }
        }

        var detail = problem is { ValueKind: JsonValueKind.Object } p && (p.TryGetProperty("detail", out var d) || p.TryGetProperty("title", out d)) && d.ValueKind == JsonValueKind.String
            ? ": " + d.GetString()
            : "";
        return new ApiError($"{binding.Method} {binding.PathTemplate} answered HTTP {status}{detail}", json =>
        {
            json.WriteString("code", HttpErrorCode);
            json.WriteNumber("httpStatus", status);
            if (problem is { ValueKind: JsonValueKind.Object } details)
            {
                json.WritePropertyName("problem");
                details.WriteTo(json);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "REST call {Method} {Path} failed")]
    private static partial void LogUnreachable(ILogger logger, string method, string path, Exception exception);
}
