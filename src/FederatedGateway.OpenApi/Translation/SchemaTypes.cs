using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace FederatedGateway.OpenApi.Translation;

/// <summary>
/// The GraphQL types of a document's schemas, made as root fields ask for them: objects (and <c>allOf</c> merged
/// into one), input objects (named <c>…Input</c>), enums, unions for <c>oneOf</c>/<c>anyOf</c> of objects (a
/// <c>JSON</c> scalar otherwise, and always for inputs), lists, and scalars by type and format (<c>date-time</c> →
/// <c>DateTime</c>, <c>date</c> → <c>Date</c>, <c>int64</c> → <c>Int64</c>, <c>decimal</c> → <c>Decimal</c>, both
/// carried as strings). A referenced schema is one type named after its component; an inline one is named after
/// where it appears. Circular references are fine: a type is named before its fields are made.
/// </summary>
internal sealed class SchemaTypes(ApiTranslationOptions options)
{
    private readonly TypeDefinitions _types = new();
    private readonly Queue<(IOpenApiSchema Schema, string Key, bool Input, string Name)> _pending = new();

    /// <summary>The types made, by name, as executing against them needs them.</summary>
    public IReadOnlyDictionary<string, ApiType> Model => _types.Model;

    /// <summary>The output type of <paramref name="schema"/>, nullable (the caller adds <c>!</c>).</summary>
    public string Output(IOpenApiSchema schema, string context) => TypeOf(schema, context, input: false);

    /// <summary>The input type of <paramref name="schema"/>, nullable.</summary>
    public string Input(IOpenApiSchema schema, string context) => TypeOf(schema, context, input: true);

    /// <summary>Whether a value of <paramref name="schema"/> may be null (3.0 <c>nullable</c>, 3.1 a <c>null</c> type).</summary>
    public static bool IsNullable(IOpenApiSchema schema) => schema.Type is { } type && type.HasFlag(JsonSchemaType.Null);

    /// <summary>Every type and scalar made, in name order (after <see cref="Complete"/>).</summary>
    public void Print(StringBuilder sdl) => _types.Print(sdl);

    private string TypeOf(IOpenApiSchema schema, string context, bool input)
    {
        var referenced = (schema as OpenApiSchemaReference)?.Reference.Id;
        if (schema.Enum is { Count: > 0 } values && values.All(v => v is JsonValue value && value.TryGetValue<string>(out _)))
        {
            return _types.Enum(referenced ?? context, values.Select(v => v!.GetValue<string>()), schema.Description);
        }

        if (schema.AllOf is { Count: > 0 } && !(schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 }))
        {
            return ObjectType(schema, referenced ?? context, input);
        }

        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            return input ? _types.Scalar("JSON") : Union(schema, referenced ?? context);
        }

        var type = schema.Type is { } t ? t & ~JsonSchemaType.Null : (JsonSchemaType)0;
        if (type.HasFlag(JsonSchemaType.Array))
        {
            var items = schema.Items is null ? _types.Scalar("JSON") : TypeOf(schema.Items, Singular(context), input);
            return "[" + items + (schema.Items is null || IsNullable(schema.Items) ? "" : "!") + "]";
        }

        if (type.HasFlag(JsonSchemaType.Object) || (type == 0 && schema.Properties is { Count: > 0 }))
        {
            return schema.Properties is { Count: > 0 } ? ObjectType(schema, referenced ?? context, input) : _types.Scalar("JSON");
        }

        return type switch
        {
            JsonSchemaType.String => schema.Format switch
            {
                "date-time" => _types.Scalar("DateTime"),
                "date" => _types.Scalar("Date"),
                "int64" => _types.Scalar("Int64"),
                "decimal" => _types.Scalar("Decimal"),
                _ => "String",
            },
            JsonSchemaType.Integer => schema.Format == "int64" ? _types.Scalar("Int64") : "Int",
            JsonSchemaType.Number => schema.Format == "decimal" ? _types.Scalar("Decimal") : "Float",
            JsonSchemaType.Boolean => "Boolean",
            _ => _types.Scalar("JSON"),
        };
    }

    private string Union(IOpenApiSchema schema, string key)
    {
        var members = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).ToList();
        if (!members.All(IsObject))
        {
            return _types.Scalar("JSON");
        }

        if (!_types.TryName(key, input: false, "", out var name))
        {
            return name;
        }

        var model = _types.Model[name] = new ApiType(name, ApiTypeKind.Union);
        var memberTypes = new List<string>();
        for (var i = 0; i < members.Count; i++)
        {
            var member = ObjectType(members[i], (members[i] as OpenApiSchemaReference)?.Reference.Id ?? $"{key}Option{i + 1}", input: false);
            if (!memberTypes.Contains(member))
            {
                memberTypes.Add(member);
                model.Members.Add((member, RequiredOf(members[i])));
            }
        }

        var definition = new StringBuilder();
        Describe(definition, schema.Description, "");
        _types.Define(name, definition.Append("union ").Append(name).Append(" = ").AppendJoin(" | ", memberTypes).Append('\n').ToString());
        return name;
    }

    /// <summary>The properties an object schema requires, its allOf members' included.</summary>
    private static string[] RequiredOf(IOpenApiSchema schema) =>
        [.. (schema.Required ?? new HashSet<string>()).Concat((schema.AllOf ?? []).SelectMany(RequiredOf)).Distinct()];

    private static bool IsObject(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 }
        || (schema.Type is { } type && type.HasFlag(JsonSchemaType.Object) && schema.Properties is { Count: > 0 });

    private string ObjectType(IOpenApiSchema schema, string key, bool input)
    {
        if (!_types.TryName(key, input, input ? "Input" : "", out var name))
        {
            return name;
        }

        // Named now, its fields made later (Complete): a property may lead back here, and a chain of references as long
        // as the document's must not become a recursion as deep.
        _types.Define(name, "");
        _pending.Enqueue((schema, key, input, name));
        return name;
    }

    /// <summary>Makes the fields of every object and input type named so far, and of those they lead to.</summary>
    public void Complete()
    {
        while (_pending.TryDequeue(out var next))
        {
            MakeFields(next.Schema, next.Key, next.Input, next.Name);
        }
    }

    private void MakeFields(IOpenApiSchema schema, string key, bool input, string name)
    {
        var model = _types.Model[name] = new ApiType(name, input ? ApiTypeKind.Input : ApiTypeKind.Object);
        var properties = new List<(string Name, IOpenApiSchema Schema, bool Required, string Owner)>();
        Collect(schema, key, properties, new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance));
        var definition = new StringBuilder();
        Describe(definition, schema.Description, "");
        definition.Append(input ? "input " : "type ").Append(name);
        if (!input)
        {
            RelationFields.AppendKey(definition, name, options);
        }

        definition.Append(" {\n");
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (property, propertySchema, required, owner) in properties)
        {
            var field = OpenApiNames.Camel(property);
            if (!fields.Add(field))
            {
                continue;
            }

            Describe(definition, propertySchema.Description, "  ");
            // Named after the schema that declares the property, so an inline enum shared through allOf is one type.
            var type = TypeOf(propertySchema, owner + " " + property, input);
            var typeRef = type + (required && !IsNullable(propertySchema) ? "!" : "");
            definition.Append("  ").Append(field).Append(": ").Append(typeRef).Append('\n');
            model.Fields[field] = new ApiField(field, property, typeRef);
        }

        if (!input && options.Relations.TryGetValue(name, out var relations))
        {
            RelationFields.Add(definition, model, fields, relations);
        }

        if (fields.Count == 0)
        {
            definition.Append("  \"No properties: the object is given as a whole.\"\n  _empty: Boolean\n");
        }

        _types.Define(name, definition.Append("}\n").ToString());
    }

    /// <summary>
    /// The properties of <paramref name="schema"/> with those of its <c>allOf</c> members (a later declaration of the
    /// same property replacing an earlier one, in the earlier one's place), each with the name of the schema that
    /// declares it (<paramref name="owner"/>, or a member's component).
    /// </summary>
    private static void Collect(IOpenApiSchema schema, string owner, List<(string, IOpenApiSchema, bool, string)> properties, HashSet<IOpenApiSchema> visited)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        foreach (var member in schema.AllOf ?? [])
        {
            Collect(member, (member as OpenApiSchemaReference)?.Reference.Id ?? owner, properties, visited);
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var required = schema.Required?.Contains(name) ?? false;
            // A later allOf member that declares the property again refines it (a collection wrapper's items): it wins.
            var index = properties.FindIndex(p => p.Item1 == name);
            if (index < 0)
            {
                properties.Add((name, property, required, owner));
            }
            else
            {
                properties[index] = (name, property, required || properties[index].Item3, owner);
            }
        }
    }

    private static string Singular(string context) => context.EndsWith('s') && context.Length > 1 ? context[..^1] : context + "Item";

    /// <summary>A description as a block string (first 500 characters).</summary>
    public static void Describe(StringBuilder sdl, string? description, string indent)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return;
        }

        var text = description.Trim();
        text = text.Length > 500 ? text[..500] + "…" : text;
        sdl.Append(indent).Append("\"\"\"\n");
        foreach (var line in text.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal).Split('\n'))
        {
            sdl.Append(indent).Append(line.TrimEnd('\r')).Append('\n');
        }

        sdl.Append(indent).Append("\"\"\"\n");
    }
}
