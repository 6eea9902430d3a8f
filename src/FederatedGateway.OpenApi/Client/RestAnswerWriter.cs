using System.Text.Json;
using FederatedGateway.OpenApi.Translation;
using GraphQLParser.AST;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// Writes a REST answer (JSON) as the GraphQL value the selection asks for: each field read from its JSON property
/// (the document's own name), enum values mapped back to the GraphQL ones, a union's member chosen by the properties
/// the object has (<see cref="Member"/>), <c>Int64</c>/<c>Decimal</c>/dates carried as strings, <c>JSON</c> as given.
/// A value of the wrong JSON kind is <c>null</c> with an error at its path.
/// </summary>
internal sealed class RestAnswerWriter
{
    private readonly OpenApiTranslation _translation;
    private readonly SelectionCollector _collector;
    private readonly Dictionary<string, List<string>> _unionsOf = new(StringComparer.Ordinal);

    public RestAnswerWriter(OpenApiTranslation translation, SelectionCollector collector)
    {
        _translation = translation;
        _collector = collector;
        foreach (var type in translation.Types.Values.Where(t => t.Kind == ApiTypeKind.Union))
        {
            foreach (var (member, _) in type.Members)
            {
                if (!_unionsOf.TryGetValue(member, out var unions))
                {
                    _unionsOf[member] = unions = [];
                }

                unions.Add(type.Name);
            }
        }
    }

    /// <summary>Errors met while writing, with their paths (from the root field's response key).</summary>
    public List<(string Message, object[] Path)> Errors { get; } = [];

    public void Write(Utf8JsonWriter json, JsonElement value, string typeRef, List<GraphQLField> fields, List<object> path)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            json.WriteNullValue();
            return;
        }

        if (TypeRefs.IsList(typeRef))
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                Wrong(json, path, "a list");
                return;
            }

            json.WriteStartArray();
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                path.Add(index++);
                Write(json, item, TypeRefs.Element(typeRef), fields, path);
                path.RemoveAt(path.Count - 1);
            }

            json.WriteEndArray();
            return;
        }

        var named = TypeRefs.Named(typeRef);
        switch (named)
        {
            case "String" or "ID" or "DateTime" or "Date" or "Int64" or "Decimal":
                if (value.ValueKind == JsonValueKind.String)
                {
                    value.WriteTo(json);
                }
                else if (value.ValueKind == JsonValueKind.Number)
                {
                    json.WriteStringValue(value.GetRawText());
                }
                else
                {
                    Wrong(json, path, "a string");
                }

                return;
            case "Int" or "Float":
                if (value.ValueKind == JsonValueKind.Number && (named == "Float" || value.TryGetInt32(out _)))
                {
                    value.WriteTo(json);
                }
                else
                {
                    Wrong(json, path, named == "Int" ? "a 32-bit integer" : "a number");
                }

                return;
            case "Boolean":
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    value.WriteTo(json);
                }
                else
                {
                    Wrong(json, path, "a boolean");
                }

                return;
            case "JSON":
                value.WriteTo(json);
                return;
        }

        if (!_translation.Types.TryGetValue(named, out var type))
        {
            Wrong(json, path, named);
            return;
        }

        switch (type.Kind)
        {
            case ApiTypeKind.Enum when value.ValueKind == JsonValueKind.String && type.JsonToEnum.TryGetValue(value.GetString()!, out var graphQLValue):
                json.WriteStringValue(graphQLValue);
                return;
            case ApiTypeKind.Object when value.ValueKind == JsonValueKind.Object:
                WriteObject(json, value, type, fields, path);
                return;
            case ApiTypeKind.Union when value.ValueKind == JsonValueKind.Object && Member(type, value) is { } member:
                WriteObject(json, value, member, fields, path);
                return;
            default:
                Wrong(json, path, type.Kind == ApiTypeKind.Enum ? $"one of the values of {named}" : $"a {named}");
                return;
        }
    }

    /// <summary>
    /// The union member the object is: among those whose required properties it has all, the one that declares most
    /// of its properties (the first of equals).
    /// </summary>
    private ApiType? Member(ApiType union, JsonElement value)
    {
        ApiType? best = null;
        var bestScore = -1;
        foreach (var (member, required) in union.Members)
        {
            if (!required.All(property => value.TryGetProperty(property, out _)))
            {
                continue;
            }

            var type = _translation.Types[member];
            var score = type.Fields.Values.Count(field => value.TryGetProperty(field.JsonName, out _));
            if (score > bestScore)
            {
                (best, bestScore) = (type, score);
            }
        }

        return best;
    }

    private void WriteObject(Utf8JsonWriter json, JsonElement value, ApiType type, List<GraphQLField> fields, List<object> path)
    {
        json.WriteStartObject();
        var sets = fields.Where(f => f.SelectionSet is not null).Select(f => f.SelectionSet!);
        var unions = _unionsOf.TryGetValue(type.Name, out var list) ? list : (ICollection<string>)[];
        foreach (var (key, group) in _collector.Collect(sets, type.Name, unions))
        {
            json.WritePropertyName(key);
            var name = group[0].Name.StringValue;
            if (name == "__typename")
            {
                json.WriteStringValue(type.Name);
            }
            else if (type.Fields.TryGetValue(name, out var field) && value.TryGetProperty(field.JsonName, out var property))
            {
                path.Add(key);
                Write(json, property, field.Type, group, path);
                path.RemoveAt(path.Count - 1);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndObject();
    }

    private void Wrong(Utf8JsonWriter json, List<object> path, string expected)
    {
        Errors.Add(($"The REST answer has no {expected} here.", [.. path]));
        json.WriteNullValue();
    }
}
