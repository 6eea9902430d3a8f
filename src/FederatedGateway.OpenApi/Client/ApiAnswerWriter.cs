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
internal sealed class ApiAnswerWriter(ApiTranslation translation, SelectionCollector collector, EntityLookups? lookups = null)
{
    /// <summary>Errors met while writing, with their paths (from the root field's response key) and extensions.</summary>
    public List<(string Message, object[] Path, Action<Utf8JsonWriter> Extensions)> Errors { get; } = [];
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

        if (!translation.Types.TryGetValue(named, out var type))
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
            case ApiTypeKind.Union when value.ValueKind == JsonValueKind.Object && translation.MemberOf(type, value) is { } member:
                WriteObject(json, value, member, fields, path);
                return;
            default:
                Wrong(json, path, type.Kind == ApiTypeKind.Enum ? $"one of the values of {named}" : $"a {named}");
                return;
        }
    }

    private void WriteObject(Utf8JsonWriter json, JsonElement value, ApiType type, List<GraphQLField> fields, List<object> path)
    {
        json.WriteStartObject();
        foreach (var (key, group) in collector.Below(fields, type.Name, translation.UnionsOf(type.Name)))
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
                if (field.RelationTo is { } entity)
                {
                    WriteRelation(json, property, entity, field.Type, group, path);
                }
                else
                {
                    Write(json, property, field.Type, group, path);
                }

                path.RemoveAt(path.Count - 1);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndObject();
    }

    /// <summary>A relation field: the entity (or list of entities) its key property points at, as looked up.</summary>
    private void WriteRelation(Utf8JsonWriter json, JsonElement property, string entity, string typeRef, List<GraphQLField> fields, List<object> path)
    {
        if (property.ValueKind == JsonValueKind.Array && TypeRefs.IsList(typeRef))
        {
            json.WriteStartArray();
            var index = 0;
            foreach (var item in property.EnumerateArray())
            {
                path.Add(index++);
                WriteRelation(json, item, entity, entity, fields, path);
                path.RemoveAt(path.Count - 1);
            }

            json.WriteEndArray();
            return;
        }

        if (EntityLookups.KeyOf(property) is not { } key)
        {
            json.WriteNullValue();
        }
        else if (lookups is null || !lookups.TryGet(entity, key, out var found))
        {
            Fail(json, path, ApiError.Of($"The {entity} with the key \"{key}\" was not looked up.", "SUBREQUEST_MALFORMED_RESPONSE"));
        }
        else if (found.Error is { } error)
        {
            Fail(json, path, error);
        }
        else
        {
            Write(json, found.Value!.Value, entity, fields, path);
        }
    }

    /// <summary>A value the request cannot have: null with the error at its path.</summary>
    public void Fail(Utf8JsonWriter json, List<object> path, ApiError error)
    {
        Errors.Add((error.Message, [.. path], error.Extensions));
        json.WriteNullValue();
    }

    private void Wrong(Utf8JsonWriter json, List<object> path, string expected) =>
        Fail(json, path, ApiError.Of($"The REST answer has no {expected} here.", "SUBREQUEST_MALFORMED_RESPONSE"));
}
