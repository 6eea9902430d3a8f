using System.Text.Json;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Transport;
using FederatedGateway.OpenApi.Translation;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// Makes one HTTP call of the API and reads its answer: JSON within a size limit (read into a pooled buffer), or the
/// field's error: a non-2xx status as <c>REST_HTTP_ERROR</c> with <c>httpStatus</c> and a problem+json body's
/// details; a call that fails as <see cref="ApiHttpSender"/> says. Each call carries the headers forwarded to the
/// subgraph, then the source's own.
/// </summary>
internal sealed class RestCaller(ApiTranslation translation, ApiCallContext context, IReadOnlyDictionary<string, string> headers) : IApiCaller
{
    public const string HttpErrorCode = "REST_HTTP_ERROR";
    public const string UnavailableCode = "SUBGRAPH_UNAVAILABLE";

    /// <param name="forwarded">The headers the gateway's propagation rules give this subgraph for the client's request.</param>
    public async Task<ApiAnswer> CallAsync(OperationBinding binding, JsonDocument arguments, IReadOnlyList<KeyValuePair<string, string>>? forwarded, CancellationToken cancellationToken)
    {
        using (arguments)
        {
            var root = arguments.RootElement;
            var result = await ApiHttpSender.CallAsync(context, () => Request(binding, root, forwarded), binding.IsRead, $"{binding.Method} {binding.PathTemplate}", cancellationToken).ConfigureAwait(false);
            if (result.Failure is { } failure)
            {
                return failure;
            }

            var answer = Answer(binding, result.Status, result.MediaType, result.Buffer!, result.Length);
            if (answer.Json is null)
            {
                PooledArrays.Return(result.Buffer!);
            }

            return answer;
        }
    }

    /// <summary>One attempt's request: built from the arguments, with the forwarded headers, then the source's own (which win).</summary>
    private HttpRequestMessage Request(OperationBinding binding, JsonElement arguments, IReadOnlyList<KeyValuePair<string, string>>? forwarded)
    {
        var request = RestRequestBuilder.Build(context.BaseUrl, binding, arguments, translation);
        ApiHttpSender.AddHeaders(request, forwarded, headers);
        return request;
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
            return ApiAnswer.Of(JsonDocument.Parse(length == 0 ? "null"u8.ToArray() : body), buffer);
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

}
