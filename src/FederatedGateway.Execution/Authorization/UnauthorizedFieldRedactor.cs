using System.Text.Json.Nodes;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Text;
using GraphQLParser.AST;

namespace FederatedGateway.Execution.Authorization;

/// <summary>
/// Turns the response of the authorized document back into the response to the client's operation: the client's
/// fields in the client's order, <c>null</c> plus an <see cref="AuthorizeStage.UnauthorizedCode"/> error (with its
/// path) at each removed field of each object it applies to (an object whose runtime type a fragment does not match
/// gets nothing), nulls bubbling up to the nearest nullable field as GraphQL requires, and the fields added only for
/// the authorized document (<c>__typename</c>) left out.
/// </summary>
internal sealed class UnauthorizedFieldRedactor
{
    private readonly FederatedSchema _schema;
    private readonly IReadOnlyDictionary<string, bool> _booleans;
    private readonly Func<GraphQLField, bool> _isDenied;
    private readonly List<JsonNode> _errors = [];

    private UnauthorizedFieldRedactor(FederatedSchema schema, IReadOnlyDictionary<string, bool> booleans, Func<GraphQLField, bool> isDenied)
    {
        _schema = schema;
        _booleans = booleans;
        _isDenied = isDenied;
    }

    /// <summary>The client's response, from <paramref name="body"/> (a GraphQL response to the authorized document).</summary>
    public static byte[] Redact(
        ReadOnlySpan<byte> body, PreparedOperation operation, IReadOnlyDictionary<string, bool> booleans, FederatedSchema schema, Func<GraphQLField, bool> isDenied)
    {
        var response = JsonNode.Parse(body) as JsonObject ?? [];
        var redactor = new UnauthorizedFieldRedactor(schema, booleans, isDenied);
        var output = new JsonObject();
        var hasData = response.TryGetPropertyValue("data", out var data);
        JsonNode? redacted = null;
        if (data is JsonObject root)
        {
            redacted = redactor.CompleteObject(root, [operation.RootSelection], operation.RootType, []);
        }

        var errors = new JsonArray([.. redactor._errors]);
        if (response["errors"] is JsonArray existing)
        {
            foreach (var error in existing)
            {
                errors.Add(error?.DeepClone());
            }
        }

        // Errors first, as everywhere the gateway writes a response (usage analytics reads only the first member).
        if (errors.Count > 0)
        {
            output["errors"] = errors;
        }

        if (hasData)
        {
            output["data"] = redacted;
        }

        foreach (var (name, value) in response)
        {
            if (name is not ("data" or "errors"))
            {
                output[name] = value?.DeepClone();
            }
        }

        return JsonText.ToUtf8Bytes(output);
    }

    /// <summary>The object's fields for its runtime type, or null when a non-null field among them is null.</summary>
    private JsonObject? CompleteObject(JsonObject source, IReadOnlyList<SelectionSet> selectionSets, string runtimeType, List<object> path)
    {
        var fields = new Dictionary<string, List<FieldSelection>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var selectionSet in selectionSets)
        {
            Collect(selectionSet, runtimeType, fields, order);
        }

        var result = new JsonObject();
        var nulled = false;
        foreach (var key in order)
        {
            var group = fields[key];
            var type = group[0].Definition?.Type;
            path.Add(key);
            JsonNode? value;
            if (group.Exists(f => f.Syntax is { } syntax && _isDenied(syntax)))
            {
                value = null;
                _errors.Add(Error(group[0], runtimeType, path));
            }
            else if (!source.TryGetPropertyValue(key, out var raw))
            {
                path.RemoveAt(path.Count - 1);
                continue;
            }
            else
            {
                value = type is null ? raw?.DeepClone() : CompleteValue(raw, type, group, path);
            }

            path.RemoveAt(path.Count - 1);

            // A null in a non-null field nulls the object, after its other fields have reported their errors.
            nulled |= value is null && type is { IsNonNull: true };
            result[key] = value;
        }

        return nulled ? null : result;
    }

    private JsonNode? CompleteValue(JsonNode? value, TypeRef type, List<FieldSelection> group, List<object> path)
    {
        if (value is null)
        {
            return null;
        }

        if (type.IsNonNull)
        {
            return CompleteValue(value, type.OfType!, group, path);
        }

        if (type.IsList)
        {
            if (value is not JsonArray items)
            {
                return value.DeepClone();
            }

            var list = new JsonArray();
            var nulled = false;
            for (var i = 0; i < items.Count; i++)
            {
                path.Add(i);
                var item = CompleteValue(items[i], type.OfType!, group, path);
                path.RemoveAt(path.Count - 1);
                nulled |= item is null && type.OfType!.IsNonNull;
                list.Add(item);
            }

            return nulled ? null : list;
        }

        if (value is not JsonObject obj)
        {
            return value.DeepClone();
        }

        var runtimeType = _schema.FindType(type.Name!) is { IsAbstract: true }
            ? (obj["__typename"] as JsonValue)?.GetValue<string>() ?? type.Name!
            : type.Name!;
        var selectionSets = group.Select(f => f.SelectionSet).OfType<SelectionSet>().ToList();
        return CompleteObject(obj, selectionSets, runtimeType, path);
    }

    private void Collect(SelectionSet selectionSet, string runtimeType, Dictionary<string, List<FieldSelection>> fields, List<string> order)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!selection.IsIncluded(_booleans))
            {
                continue;
            }

            switch (selection)
            {
                case FieldSelection field:
                    if (!fields.TryGetValue(field.ResponseName, out var group))
                    {
                        fields[field.ResponseName] = group = [];
                        order.Add(field.ResponseName);
                    }

                    group.Add(field);
                    break;
                case InlineFragmentSelection fragment
                    when fragment.TypeCondition is null || _schema.Satisfies(runtimeType, fragment.TypeCondition):
                    Collect(fragment.SelectionSet, runtimeType, fields, order);
                    break;
            }
        }
    }

    private static JsonObject Error(FieldSelection field, string runtimeType, List<object> path) => new()
    {
        ["message"] = $"Unauthorized field or type: {runtimeType}.{field.Name}",
        ["path"] = new JsonArray([.. path.Select(p => p is int i ? JsonValue.Create(i) : (JsonNode)JsonValue.Create((string)p))]),
        ["extensions"] = new JsonObject { ["code"] = AuthorizeStage.UnauthorizedCode },
    };
}
