using System.Runtime.CompilerServices;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Writes the client response by projecting the client's own selection over the merged data: only the fields
/// asked for, in the client's order, with aliases, <c>__typename</c>, <c>@skip</c>/<c>@include</c> and spec null
/// propagation. A first pass finds the objects and lists that become null; the second writes.
/// </summary>
internal sealed class ResponseWriter
{
    private readonly FederatedSchema _schema;
    private readonly IReadOnlyDictionary<string, bool> _booleans;
    private readonly List<GatewayError> _errors;
    private readonly HashSet<object> _nulled = new(ReferenceEqualityComparer.Instance);
    private readonly PathStack _path = new();
    private readonly Dictionary<(object Key, string Type), List<(string Name, List<FieldSelection> Nodes)>> _collected = new();

    public ResponseWriter(FederatedSchema schema, IReadOnlyDictionary<string, bool> booleans, List<GatewayError> errors)
    {
        _schema = schema;
        _booleans = booleans;
        _errors = errors;
    }

    /// <param name="queryPlan">When set, the printed plan is returned in <c>extensions.queryPlan</c>.</param>
    public void Write(Utf8JsonWriter writer, PreparedOperation operation, ResultObject data, JsonElement introspection, string? queryPlan = null)
    {
        var root = operation.RootSelection;
        var rootNull = CheckObject(data, operation.RootType, root, null, root);

        writer.WriteStartObject();
        if (_errors.Count > 0)
        {
            writer.WriteStartArray("errors");
            foreach (var error in _errors)
            {
                error.Write(writer);
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName("data");
        if (rootNull)
        {
            writer.WriteNullValue();
        }
        else
        {
            WriteObject(writer, data, operation.RootType, root, null, root, introspection);
        }

        if (queryPlan is not null)
        {
            writer.WriteStartObject("extensions");
            writer.WriteStartObject("queryPlan");
            writer.WriteString("text", queryPlan);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// The fields to write for an object of <paramref name="runtimeType"/> (CollectFields): the sub-selections of
    /// the field nodes <paramref name="nodes"/> merged by response name, or the <paramref name="root"/> selection.
    /// Computed once per (selection, runtime type) and request.
    /// </summary>
    private List<(string Name, List<FieldSelection> Nodes)> Collect(object key, string runtimeType, List<FieldSelection>? nodes, SelectionSet? root)
    {
        if (_collected.TryGetValue((key, runtimeType), out var cached))
        {
            return cached;
        }

        var result = new List<(string Name, List<FieldSelection> Nodes)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root is not null)
        {
            CollectInto(root, runtimeType, result, index);
        }

        if (nodes is not null)
        {
            foreach (var node in nodes)
            {
                if (node.SelectionSet is not null)
                {
                    CollectInto(node.SelectionSet, runtimeType, result, index);
                }
            }
        }

        _collected[(key, runtimeType)] = result;
        return result;
    }

    private void CollectInto(SelectionSet set, string runtimeType, List<(string Name, List<FieldSelection> Nodes)> result, Dictionary<string, int> index)
    {
        var selections = set.Selections;
        for (var s = 0; s < selections.Count; s++)
        {
            var selection = selections[s];
            if (!selection.IsIncluded(_booleans))
            {
                continue;
            }

            switch (selection)
            {
                case FieldSelection field:
                    if (!index.TryGetValue(field.ResponseName, out var i))
                    {
                        index[field.ResponseName] = result.Count;
                        result.Add((field.ResponseName, new List<FieldSelection> { field }));
                    }
                    else
                    {
                        result[i].Nodes.Add(field);
                    }

                    break;
                case InlineFragmentSelection fragment:
                    if (fragment.TypeCondition is null || fragment.TypeCondition == runtimeType || _schema.Satisfies(runtimeType, fragment.TypeCondition))
                    {
                        CollectInto(fragment.SelectionSet, runtimeType, result, index);
                    }

                    break;
            }
        }
    }

    private static string RuntimeType(ResultObject obj, string declared) => obj.Typename ?? declared;

    // ---- pass 1: which objects and lists become null ----

    private bool CheckObject(ResultObject obj, string declaredType, object key, List<FieldSelection>? fieldNodes, SelectionSet? root)
    {
        var runtimeType = RuntimeType(obj, declaredType);
        var type = _schema.FindType(runtimeType) ?? _schema.GetType(declaredType);
        foreach (var (name, nodes) in Collect(key, runtimeType, fieldNodes, root))
        {
            var first = nodes[0];
            if (first.IsTypename)
            {
                continue;
            }

            if (first.Name is "__schema" or "__type")
            {
                continue;
            }

            var definition = type.FindField(first.Name);
            if (definition is null)
            {
                continue;
            }

            obj.TryGetValue(name, out var value);
            _path.Push(name);
            var nulled = CheckValue(value, definition.Type, nodes, definition) && definition.Type.IsNonNull;
            if (nulled && value is null or JsonElement)
            {
                AddNullError(definition);
            }

            _path.Pop();
            if (nulled)
            {
                _nulled.Add(obj);
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns true when the value at this position is null after completion.</summary>
    /// <param name="field">The field whose value (or list item) this is, for error messages.</param>
    private bool CheckValue(object? value, TypeRef type, List<FieldSelection> nodes, SchemaField field)
    {
        var nullable = type.Nullable;
        switch (value)
        {
            case null:
                return true;
            case List<object?> list when nullable.IsList:
                var itemType = nullable.OfType!;
                for (var i = 0; i < list.Count; i++)
                {
                    _path.Push(i);
                    var nulled = CheckValue(list[i], itemType, nodes, field) && itemType.IsNonNull;
                    if (nulled && list[i] is null or JsonElement)
                    {
                        AddNullError(field);
                    }

                    _path.Pop();
                    if (nulled)
                    {
                        _nulled.Add(list);
                        return true;
                    }
                }

                return false;
            case ResultObject obj when nullable.Name is not null && _schema.FindType(nullable.Name) is { IsComposite: true } declared:
                if (declared.IsAbstract && obj.Typename is { } typename && !IsVisibleRuntimeType(typename, declared.Name))
                {
                    // An object of a type the client cannot see (inaccessible, or unknown to the API) is null.
                    _nulled.Add(obj);
                    return true;
                }

                return CheckObject(obj, nullable.Name, nodes, nodes, null);
            case JsonElement element when IsHiddenEnumValue(element, nullable):
                _errors.Add(new GatewayError($"Enum \"{nullable.Name}\" cannot represent value: {element.GetRawText()}", _path.ToArray(), null, null));
                return true;
            case JsonElement when IsMisplacedLeaf(nullable):
                return true;
            case ResultObject or List<object?>:
                // A shape that does not fit the schema (e.g. an object where a list belongs) completes to null,
                // unless the field is a leaf (custom scalars may be JSON objects or lists).
                return _schema.FindType(type.NamedType) is not { IsLeaf: true };
            default:
                return false;
        }
    }

    /// <summary>
    /// Reports a null in a non-null position (graphql-js wording, for fields and their list items alike), unless
    /// an error at or under that position already explains it (a subgraph error, a failed fetch).
    /// </summary>
    private void AddNullError(SchemaField field)
    {
        var array = _path.ToArray();
        foreach (var error in _errors)
        {
            if (error.Path is not null && IsPrefixOrEqual(array, error.Path))
            {
                return;
            }
        }

        _errors.Add(new GatewayError($"Cannot return null for non-nullable field {field.ParentType}.{field.Name}.", array, null, null));
    }

    private static bool IsPrefixOrEqual(object[] prefix, object[] path)
    {
        if (prefix.Length > path.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (!Equals(prefix[i], path[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <remarks>
    /// The interface's own name is accepted too: an <c>@interfaceObject</c> subgraph answers with it, and fields of
    /// the interface itself need no concrete type.
    /// </remarks>
    private bool IsVisibleRuntimeType(string typename, string declared) =>
        typename == declared
        || (_schema.FindType(typename) is { Inaccessible: false, Kind: TypeKind.Object } && _schema.Satisfies(typename, declared));

    /// <summary>
    /// A scalar where a list or an object belongs (a subgraph breaking its schema) completes to null rather than
    /// reaching a client that trusts the schema.
    /// </summary>
    private bool IsMisplacedLeaf(TypeRef nullable) =>
        nullable.IsList || (nullable.Name is not null && _schema.FindType(nullable.Name) is { IsComposite: true });

    /// <summary>An enum value the API schema does not expose (e.g. <c>@inaccessible</c>) cannot be returned.</summary>
    private bool IsHiddenEnumValue(JsonElement element, TypeRef type) =>
        element.ValueKind == JsonValueKind.String && type.Name is not null
        && _schema.FindType(type.Name) is { Kind: TypeKind.Enum } enumType
        && !enumType.HasVisibleEnumValue(element.GetString()!);

    // ---- pass 2: write ----

    private void WriteObject(Utf8JsonWriter writer, ResultObject obj, string declaredType, object key, List<FieldSelection>? fieldNodes, SelectionSet? root, JsonElement introspection)
    {
        var runtimeType = RuntimeType(obj, declaredType);
        var type = _schema.FindType(runtimeType) ?? _schema.GetType(declaredType);
        writer.WriteStartObject();
        foreach (var (name, nodes) in Collect(key, runtimeType, fieldNodes, root))
        {
            var first = nodes[0];
            writer.WritePropertyName(name);
            if (first.IsTypename)
            {
                writer.WriteStringValue(type.Name);
                continue;
            }

            if (first.Name is "__schema" or "__type")
            {
                if (introspection.ValueKind == JsonValueKind.Object && introspection.TryGetProperty(name, out var answer))
                {
                    answer.WriteTo(writer);
                }
                else
                {
                    writer.WriteNullValue();
                }

                continue;
            }

            var definition = type.FindField(first.Name);
            obj.TryGetValue(name, out var value);
            if (definition is null)
            {
                writer.WriteNullValue();
                continue;
            }

            WriteValue(writer, value, definition.Type, nodes);
        }

        writer.WriteEndObject();
    }

    private void WriteValue(Utf8JsonWriter writer, object? value, TypeRef type, List<FieldSelection> nodes)
    {
        var nullable = type.Nullable;
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case List<object?> list when nullable.IsList:
                if (_nulled.Contains(list))
                {
                    writer.WriteNullValue();
                    break;
                }

                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item, nullable.OfType!, nodes);
                }

                writer.WriteEndArray();
                break;
            case ResultObject obj when nullable.Name is not null && _schema.FindType(nullable.Name) is { IsComposite: true }:
                if (_nulled.Contains(obj))
                {
                    writer.WriteNullValue();
                    break;
                }

                WriteObject(writer, obj, nullable.Name, nodes, nodes, null, default);
                break;
            case JsonElement element:
                if (IsHiddenEnumValue(element, nullable) || IsMisplacedLeaf(nullable))
                {
                    writer.WriteNullValue();
                }
                else
                {
                    element.WriteTo(writer);
                }

                break;
            default:
                if (_schema.FindType(type.NamedType) is { IsLeaf: true })
                {
                    WriteRaw(writer, value);
                }
                else
                {
                    writer.WriteNullValue();
                }

                break;
        }
    }

    /// <summary>Writes a merged value as plain JSON (custom scalars holding objects or lists).</summary>
    public static void WriteRaw(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case ResultObject obj:
                writer.WriteStartObject();
                foreach (var (key, item) in obj)
                {
                    writer.WritePropertyName(key);
                    WriteRaw(writer, item);
                }

                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteRaw(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
