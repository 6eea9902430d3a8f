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
/// Answers a subgraph request against a service translated into an <see cref="ApiTranslation"/> (a REST API described
/// by OpenAPI, a SOAP service described by WSDL): each root field of the operation is one call of its
/// <see cref="IApiCaller"/> (queries concurrently, mutations in order), built from the field's <see cref="OperationBinding"/>;
/// <c>_entities</c> looks each representation up through its entity's lookup (<see cref="EntityLookups"/>: a batch
/// lookup once for all keys), and relation fields selected anywhere in the answers are looked up the same way
/// (<see cref="RelationScanner"/>) before the answers are written as the selection asks (<see cref="ApiAnswerWriter"/>).
/// A call's error (an HTTP status, a SOAP fault, a service out of reach) is the field's error.
/// </summary>
public sealed class ApiSubgraphClient : ISubgraphClient
{
    public const string HttpErrorCode = RestCaller.HttpErrorCode;
    public const string UnavailableCode = RestCaller.UnavailableCode;
    public const string InvalidRequestCode = "SUBGRAPH_REQUEST_INVALID";

    private readonly ApiTranslation _translation;
    private readonly IApiCaller _caller;
    private readonly bool _hasRelations;

    /// <summary>A client of a REST API described by OpenAPI.</summary>
    /// <param name="maxResponseBodySize">The largest answer read (bytes); a longer one is the field's <c>SUBREQUEST_RESPONSE_TOO_LARGE</c> error.</param>
    /// <param name="headers">Headers sent with every call (an API key, a static token).</param>
    public ApiSubgraphClient(ApiTranslation translation, Uri baseAddress, HttpClient http, int maxResponseBodySize = 32 * 1024 * 1024, ILogger? logger = null, IReadOnlyDictionary<string, string>? headers = null)
        : this(translation, new RestCaller(translation, new ApiCallContext("rest", baseAddress, http, maxResponseBodySize, logger ?? NullLogger.Instance), headers ?? new Dictionary<string, string>()))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResponseBodySize);
    }

    public ApiSubgraphClient(ApiTranslation translation, IApiCaller caller)
    {
        ArgumentNullException.ThrowIfNull(translation);
        ArgumentNullException.ThrowIfNull(caller);
        _translation = translation;
        _caller = caller;
        _hasRelations = translation.Types.Values.Any(t => t.Fields.Values.Any(f => f.RelationTo is not null));
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

        var results = new (ApiAnswer? Answer, OperationBinding? Binding)[fields.Count];
        var representations = new List<(EntityBinding? Entity, string? Key)>?[fields.Count];
        using var lookups = new EntityLookups(_caller, request.Headers);
        try
        {
            var calls = new List<Task>();
            for (var i = 0; i < fields.Count; i++)
            {
                var name = fields[i].Fields[0].Name.StringValue;
                if (root == "Query" && name == "_entities")
                {
                    representations[i] = Representations(fields[i].Fields[0], variables);
                    calls.Add(LoadEntitiesAsync(representations[i]!, lookups, cancellationToken));
                }
                else if (_translation.Fields.TryGetValue(root + "." + name, out var binding))
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
            if (_hasRelations)
            {
                await new RelationScanner(_translation, collector).LoadAsync(Roots(fields, results, representations, lookups), lookups, cancellationToken).ConfigureAwait(false);
            }

            return Respond(fields, results, representations, root, collector, lookups);
        }
        finally
        {
            foreach (var (answer, _) in results)
            {
                answer?.Dispose();
            }
        }

        async Task CallAsync(int index, OperationBinding binding, JsonDocument arguments) =>
            results[index] = (await _caller.CallAsync(binding, arguments, request.Headers, cancellationToken).ConfigureAwait(false), binding);
    }

    /// <summary>Every representation's entity looked up, grouped by entity (a batch lookup once per entity).</summary>
    private Task LoadEntitiesAsync(List<(EntityBinding? Entity, string? Key)> representations, EntityLookups lookups, CancellationToken cancellationToken) =>
        Task.WhenAll(representations.Where(r => r.Entity is not null && r.Key is not null).GroupBy(r => r.Entity!)
            .Select(group => lookups.LoadAsync(group.Key, group.Select(r => r.Key!), cancellationToken)));

    /// <summary>The <c>representations</c> of an <c>_entities</c> field: each one's entity and key (null when it names neither).</summary>
    private List<(EntityBinding? Entity, string? Key)> Representations(GraphQLField field, JsonElement variables)
    {
        using var arguments = Arguments(field, variables);
        var list = new List<(EntityBinding?, string?)>();
        if (!arguments.RootElement.TryGetProperty("representations", out var representations) || representations.ValueKind != JsonValueKind.Array)
        {
            return list;
        }

        foreach (var representation in representations.EnumerateArray())
        {
            if (representation.ValueKind == JsonValueKind.Object && representation.TryGetProperty("__typename", out var typename) && typename.ValueKind == JsonValueKind.String
                && _translation.Entities.TryGetValue(typename.GetString()!, out var entity))
            {
                list.Add((entity, representation.TryGetProperty(entity.KeyField, out var key) ? EntityLookups.KeyOf(key) : null));
            }
            else
            {
                list.Add((null, null));
            }
        }

        return list;
    }

    /// <summary>The answers relations are searched in: each root field's JSON, and each entity looked up for <c>_entities</c>.</summary>
    private static List<(JsonElement, string, List<GraphQLField>)> Roots(List<(string Key, List<GraphQLField> Fields)> fields, (ApiAnswer? Answer, OperationBinding? Binding)[] results, List<(EntityBinding? Entity, string? Key)>?[] representations, EntityLookups lookups)
    {
        var roots = new List<(JsonElement, string, List<GraphQLField>)>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (results[i] is { Answer.Json: { } json, Binding: { } binding })
            {
                roots.Add((json.RootElement, binding.ReturnType, fields[i].Fields));
            }
            else if (representations[i] is { } entities)
            {
                foreach (var (entity, key) in entities)
                {
                    if (entity is not null && key is not null && lookups.TryGet(entity.Type, key, out var found) && found.Value is { } value)
                    {
                        roots.Add((value, entity.Type, fields[i].Fields));
                    }
                }
            }
        }

        return roots;
    }

    private SubgraphResponse Respond(List<(string Key, List<GraphQLField> Fields)> fields, (ApiAnswer? Answer, OperationBinding? Binding)[] results, List<(EntityBinding? Entity, string? Key)>?[] representations, string root, SelectionCollector collector, EntityLookups lookups)
    {
        var writer = new ApiAnswerWriter(_translation, collector, lookups);
        using var buffer = new PooledBufferWriter(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            for (var i = 0; i < fields.Count; i++)
            {
                var (key, group) = fields[i];
                json.WritePropertyName(key);
                var (answer, binding) = results[i];
                var name = group[0].Name.StringValue;
                if (name == "__typename")
                {
                    json.WriteStringValue(root);
                }
                else if (representations[i] is { } entities)
                {
                    WriteEntities(json, writer, entities, lookups, group, key);
                }
                else if (binding is null)
                {
                    writer.Fail(json, [key], ApiError.Of($"{root}.{name} is not an operation of this source.", "SUBREQUEST_MALFORMED_RESPONSE"));
                }
                else if (answer!.Error is { } error)
                {
                    writer.Fail(json, [key], error);
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
            if (writer.Errors.Count > 0)
            {
                json.WriteStartArray("errors");
                foreach (var (message, path, extensions) in writer.Errors)
                {
                    json.WriteStartObject();
                    json.WriteString("message", message);
                    ErrorPathJson.Write(json, path);
                    json.WriteStartObject("extensions");
                    extensions(json);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        var (rented, length) = buffer.Detach();
        return SubgraphResponse.FromBody(rented, length, 200);
    }

    /// <summary>The <c>_entities</c> list: each representation's entity as looked up, in order; null with its error when it was not found.</summary>
    private static void WriteEntities(Utf8JsonWriter json, ApiAnswerWriter writer, List<(EntityBinding? Entity, string? Key)> representations, EntityLookups lookups, List<GraphQLField> group, string key)
    {
        json.WriteStartArray();
        for (var i = 0; i < representations.Count; i++)
        {
            List<object> path = [key, i];
            var (entity, entityKey) = representations[i];
            if (entity is null || entityKey is null)
            {
                writer.Fail(json, path, ApiError.Of("The representation names no entity of this source, or not its key.", "SUBREQUEST_MALFORMED_RESPONSE"));
            }
            else if (!lookups.TryGet(entity.Type, entityKey, out var found) || found.Error is not null)
            {
                writer.Fail(json, path, found.Error ?? ApiError.Of($"No {entity.Type} has the key \"{entityKey}\".", EntityLookups.NotFoundCode));
            }
            else
            {
                writer.Write(json, found.Value!.Value, entity.Type, group, path);
            }
        }

        json.WriteEndArray();
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
}
