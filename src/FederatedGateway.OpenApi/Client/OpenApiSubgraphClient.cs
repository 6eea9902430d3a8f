using System.Buffers;
using System.Text.Json;
using FederatedGateway.Execution.Transport;
using FederatedGateway.OpenApi.Translation;
using GraphQLParser;
using GraphQLParser.AST;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// Answers a subgraph request against a REST API described by OpenAPI: each root field of the operation is one HTTP
/// call (queries concurrently, mutations in order), built from the field's <see cref="OperationBinding"/>; each JSON
/// answer is written as the selection asks (<see cref="RestAnswerWriter"/>). An answer other than 2xx is the field's
/// error (code <c>REST_HTTP_ERROR</c>, with <c>httpStatus</c> and, from a problem+json body, <c>problem</c>); a call
/// that fails is <c>SUBGRAPH_UNAVAILABLE</c>.
/// </summary>
public sealed class OpenApiSubgraphClient : ISubgraphClient
{
    public const string HttpErrorCode = "REST_HTTP_ERROR";
    public const string UnavailableCode = "SUBGRAPH_UNAVAILABLE";

    private readonly OpenApiTranslation _translation;
    private readonly Uri _baseAddress;
    private readonly HttpClient _http;

    public OpenApiSubgraphClient(OpenApiTranslation translation, Uri baseAddress, HttpClient http)
    {
        _translation = translation;
        _baseAddress = baseAddress;
        _http = http;
    }

    public async ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var body = JsonDocument.Parse(request.Body);
        var query = body.RootElement.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : "";
        var variables = body.RootElement.TryGetProperty("variables", out var v) ? v : default;
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException ex)
        {
            return SubgraphResponse.Failed("The subgraph operation does not parse: " + ex.Message, "SUBGRAPH_REQUEST_INVALID");
        }

        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().First();
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var root = operation.Operation == OperationType.Mutation ? "Mutation" : "Query";
        var collector = new SelectionCollector(fragments, variables);
        var fields = collector.Collect([operation.SelectionSet], root, []);

        var results = new (HttpAnswer? Answer, OperationBinding? Binding)[fields.Count];
        var calls = new List<Task>();
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Fields[0].Name.StringValue;
            if (!_translation.Fields.TryGetValue(root + "." + name, out var binding))
            {
                continue;
            }

            var index = i;
            var arguments = Arguments(fields[i].Fields[0], variables);
            var call = CallAsync(binding, arguments, cancellationToken).ContinueWith(t => results[index] = (t.Result, binding), TaskScheduler.Default);
            if (root == "Mutation")
            {
                await call.ConfigureAwait(false);
            }
            else
            {
                calls.Add(call);
            }
        }

        await Task.WhenAll(calls).ConfigureAwait(false);
        return Respond(fields, results, root, collector);
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
                    using var answerJson = answer.Json!;
                    writer.Write(json, answerJson.RootElement, binding.ReturnType, group, [key]);
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

        var rented = Execution.Execution.PooledArrays.Rent(buffer.WrittenCount);
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
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 200 and < 300)
                {
                    if (binding.ReturnsBoolean)
                    {
                        return new HttpAnswer(null, null);
                    }

                    try
                    {
                        return new HttpAnswer(JsonDocument.Parse(bytes.Length == 0 ? "null"u8.ToArray() : bytes), null);
                    }
                    catch (JsonException)
                    {
                        return new HttpAnswer(null, new CallError($"{binding.Method} {binding.PathTemplate} answered {status} with a body that is not JSON.", w => w.WriteString("code", "SUBREQUEST_MALFORMED_RESPONSE")));
                    }
                }

                return new HttpAnswer(null, HttpError(binding, status, response.Content.Headers.ContentType?.MediaType, bytes));
            }
            catch (HttpRequestException ex)
            {
                return new HttpAnswer(null, new CallError($"{binding.Method} {binding.PathTemplate} could not be called: {ex.Message}", w => w.WriteString("code", UnavailableCode)));
            }
        }
    }

    /// <summary>A non-2xx answer as the field's error: the status, and a problem+json body's details.</summary>
    private static CallError HttpError(OperationBinding binding, int status, string? mediaType, byte[] body)
    {
        JsonElement? problem = null;
        if (mediaType is { } type && type.EndsWith("json", StringComparison.OrdinalIgnoreCase) && body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                problem = document.RootElement.Clone();
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

    private sealed record HttpAnswer(JsonDocument? Json, CallError? Error);

    private sealed record CallError(string Message, Action<Utf8JsonWriter> Extensions);
}
