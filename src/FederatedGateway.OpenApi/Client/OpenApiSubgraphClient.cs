using System.Buffers;
using System.Text.Json;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Transport;
using FederatedGateway.OpenApi.Translation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// Answers a subgraph request against a REST API described by OpenAPI: each root field of the operation is one HTTP
/// call (queries concurrently, mutations in order), built from the field's <see cref="OperationBinding"/>; each JSON
/// answer is written as the selection asks (<see cref="RestAnswerWriter"/>). An answer other than 2xx is the field's
/// error (code <c>REST_HTTP_ERROR</c>, with <c>httpStatus</c> and, from a problem+json body, <c>problem</c>); a call
/// that fails is <c>SUBGRAPH_UNAVAILABLE</c>.
/// </summary>
public sealed partial class OpenApiSubgraphClient : ISubgraphClient
{
    public const string HttpErrorCode = "REST_HTTP_ERROR";
    public const string UnavailableCode = "SUBGRAPH_UNAVAILABLE";
    public const string InvalidRequestCode = "SUBGRAPH_REQUEST_INVALID";

    private readonly OpenApiTranslation _translation;
    private readonly Uri _baseAddress;
    private readonly HttpClient _http;
    private readonly int _maxResponseBodySize;
    private readonly ILogger _logger;

    /// <param name="maxResponseBodySize">The largest answer read (bytes); a longer one is the field's <c>SUBREQUEST_RESPONSE_TOO_LARGE</c> error.</param>
    public OpenApiSubgraphClient(OpenApiTranslation translation, Uri baseAddress, HttpClient http, int maxResponseBodySize = 32 * 1024 * 1024, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResponseBodySize);
        _translation = translation;
        _baseAddress = baseAddress;
        _http = http;
        _maxResponseBodySize = maxResponseBodySize;
        _logger = logger ?? NullLogger.Instance;
    }

    public async ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        JsonDocument body;
        GraphQLDocument document;
        try
        {
            body = JsonDocument.Parse(request.Body);
            var text = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : "";
            document = Parser.Parse(text);
        }
        catch (Exception ex) when (ex is JsonException or GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return SubgraphResponse.Failed("The subgraph request is not a GraphQL request: " + ex.Message, InvalidRequestCode);
        }

        using var _ = body;
        var variables = body.RootElement.TryGetProperty("variables", out var v) ? v : default;
        if (document.Definitions.OfType<GraphQLOperationDefinition>().FirstOrDefault() is not { } operation)
        {
            return SubgraphResponse.Failed("The subgraph request has no operation.", InvalidRequestCode);
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var root = operation.Operation == OperationType.Mutation ? "Mutation" : "Query";
        var collector = new SelectionCollector(fragments, variables);
        var fields = collector.Collect([operation.SelectionSet], root, []);

        var results = new (HttpAnswer? Answer, OperationBinding? Binding)[fields.Count];
        try
        {
            var calls = new List<Task>();
            for (var i = 0; i < fields.Count; i++)
            {
                if (_translation.Fields.TryGetValue(root + "." + fields[i].Fields[0].Name.StringValue, out var binding))
                {
                    var call = CallAsync(i, binding, Arguments(fields[i].Fields[0], variables));
                    if (root == "Mutation")
                    {
                        await call.ConfigureAwait(false);
                    }
                    else
                    {
                        calls.Add(call);
                    }
                }
            }

            await Task.WhenAll(calls).ConfigureAwait(false);
            return Respond(fields, results, root, collector);
        }
        finally
        {
            foreach (var (answer, _) in results)
            {
                answer?.Dispose();
            }
        }

        async Task CallAsync(int index, OperationBinding binding, JsonDocument arguments) =>
            results[index] = (await this.CallAsync(binding, arguments, cancellationToken).ConfigureAwait(false), binding);
    }

    private SubgraphResponse Respond(List<(string Key, List<GraphQLField> Fields)> fields, (HttpAnswer? Answer, OperationBinding? Binding)[] results, string root, SelectionCollector collector)
    {
        var writer = new RestAnswerWriter(_translation, collector);
        var errors = new List<(string Message, object[] Path, Action<Utf8JsonWriter>? Extensions)>();
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            for (var i = 0; i < fields.Count; i++)
            {
                var (key, group) = fields[i];
                json.WritePropertyName(key);
                var (answer, binding) = results[i];
                if (group[0].Name.StringValue == "__typename")
                {
                    json.WriteStringValue(root);
                }
                else if (binding is null)
                {
                    json.WriteNullValue();
                    errors.Add(($"{root}.{group[0].Name.StringValue} is not an operation of this OpenAPI source.", [key], null));
                }
                else if (answer!.Error is { } error)
                {
                    json.WriteNullValue();
                    errors.Add((error.Message, [key], error.Extensions));
                }
                else if (binding.ReturnsBoolean)
                {
                    json.WriteBooleanValue(true);
                }
                else
                {
                    writer.Write(json, answer.Json!.RootElement, binding.ReturnType, group, [key]);
                }
            }

            json.WriteEndObject();
            if (errors.Count > 0 || writer.Errors.Count > 0)
            {
                json.WriteStartArray("errors");
                foreach (var (message, path, extensions) in errors.Concat(writer.Errors.Select(e => (e.Message, e.Path, (Action<Utf8JsonWriter>?)null))))
                {
                    json.WriteStartObject();
                    json.WriteString("message", message);
                    ErrorPathJson.Write(json, path);
                    json.WriteStartObject("extensions");
                    if (extensions is null)
                    {
                        json.WriteString("code", "SUBREQUEST_MALFORMED_RESPONSE");
                    }
                    else
                    {
                        extensions(json);
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        var rented = PooledArrays.Rent(buffer.WrittenCount);
        buffer.WrittenSpan.CopyTo(rented);
        return SubgraphResponse.FromBody(rented, buffer.WrittenCount, 200);
    }

    /// <summary>The field's arguments as one JSON object, variables substituted (absent variables left out).</summary>
    private static JsonDocument Arguments(GraphQLField field, JsonElement variables)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                if (argument.Value is GraphQLVariable variable && !(variables.ValueKind == JsonValueKind.Object && variables.TryGetProperty(variable.Name.StringValue, out _)))
                {
                    continue;
                }

                json.WritePropertyName(argument.Name.StringValue);
                ArgumentJson.WriteValue(json, argument.Value, variables);
            }

            json.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private async Task<HttpAnswer> CallAsync(OperationBinding binding, JsonDocument arguments, CancellationToken cancellationToken)
    {
        using (arguments)
        {
            using var request = RestRequestBuilder.Build(_baseAddress, binding, arguments.RootElement, _translation);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var (buffer, length) = response.Content.Headers.ContentLength > _maxResponseBodySize ? (null, -1)
                    : await PooledBodyReader.ReadAsync(
                        await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), response.Content.Headers.ContentLength, _maxResponseBodySize, cancellationToken)
                        .ConfigureAwait(false);
                if (buffer is null)
                {
                    return HttpAnswer.Failed($"{binding.Method} {binding.PathTemplate} answered more than {_maxResponseBodySize} bytes.", SubgraphFailureCodes.ResponseTooLarge);
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
                LogUnreachable(_logger, binding.Method, binding.PathTemplate, ex);
                return HttpAnswer.Failed($"{binding.Method} {binding.PathTemplate} could not be called (see the gateway log).", UnavailableCode);
            }
        }
    }

    /// <summary>The answer read: its JSON (which keeps <paramref name="buffer"/>), or the field's error.</summary>
    private static HttpAnswer Answer(OperationBinding binding, int status, string? mediaType, byte[] buffer, int length)
    {
        var body = buffer.AsMemory(0, length);
        if (status is < 200 or >= 300)
        {
            return new HttpAnswer(null, null, HttpError(binding, status, mediaType, body.Span));
        }

        if (binding.ReturnsBoolean)
        {
            return new HttpAnswer(null, null, null);
        }

        try
        {
            return new HttpAnswer(JsonDocument.Parse(length == 0 ? "null"u8.ToArray() : body), buffer, null);
        }
        catch (JsonException)
        {
            return HttpAnswer.Failed($"{binding.Method} {binding.PathTemplate} answered {status} with a body that is not JSON.", "SUBREQUEST_MALFORMED_RESPONSE");
        }
    }

    /// <summary>A non-2xx answer as the field's error: the status, and a problem+json body's details.</summary>
    private static CallError HttpError(OperationBinding binding, int status, string? mediaType, ReadOnlySpan<byte> body)
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
        return new CallError($"{binding.Method} {binding.PathTemplate} answered HTTP {status}{detail}", json =>
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

    /// <summary>One call's answer: its JSON (reading the pooled <see cref="Buffer"/>, returned on dispose) or its error.</summary>
    private sealed record HttpAnswer(JsonDocument? Json, byte[]? Buffer, CallError? Error) : IDisposable
    {
        public static HttpAnswer Failed(string message, string code) => new(null, null, new CallError(message, w => w.WriteString("code", code)));

        public void Dispose()
        {
            Json?.Dispose();
            if (Buffer is not null)
            {
                PooledArrays.Return(Buffer);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "REST call {Method} {Path} failed")]
    private static partial void LogUnreachable(ILogger logger, string method, string path, Exception exception);

    private sealed record CallError(string Message, Action<Utf8JsonWriter> Extensions);
}
