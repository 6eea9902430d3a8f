using System.Runtime.CompilerServices;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Writes the client response by projecting the client's own selection over the merged data: only the fields
/// asked for, in the client's order, with aliases, <c>__typename</c>, <c>@skip</c>/<c>@include</c> and spec null
/// propagation. A first pass finds the objects and lists that become null; the second writes.
/// </summary>
internal sealed class ResponseWriter
{
    private static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");

    private readonly FederatedSchema _schema;
    private readonly IReadOnlyDictionary<string, bool> _booleans;
    private readonly List<GatewayError> _errors;
    private readonly int _maxErrors;

    private readonly HashSet<object> _nulled = new(ReferenceEqualityComparer.Instance);
    private readonly PathStack _path = new();
    private readonly ResponseShapes _shapes;

    // Set while TryWriteWithoutNulls runs: nothing is nulled yet, and anything that would be gives up the pass.
    private bool _optimistic;

    /// <param name="shapes">The operation's shared shapes (<see cref="ResponseShapes.For"/>); null computes them for this response alone.</param>
    /// <param name="maxErrors">Errors written at most; the rest are dropped for one <c>TOO_MANY_ERRORS</c> error. 0: all.</param>
    public ResponseWriter(FederatedSchema schema, IReadOnlyDictionary<string, bool> booleans, List<GatewayError> errors, ResponseShapes? shapes = null, int maxErrors = 0)
    {
        _schema = schema;
        _booleans = booleans;
        _errors = errors;
        _maxErrors = maxErrors <= 0 ? int.MaxValue : maxErrors;
        _shapes = shapes ?? new ResponseShapes();
    }

    /// <summary>
    /// Writes the response in one pass when nothing needs the null-propagation pass: no errors so far, and no
    /// null (or unrepresentable value) in a non-null position. Returns false as soon as something does; the
    /// caller then discards what was written and calls <see cref="Write"/>, which checks first.
    /// </summary>
    /// <param name="queryPlan">When set, the plan is returned in <c>extensions.queryPlan</c> (see <see cref="WriteExtensions"/>).</param>
    public bool TryWriteWithoutNulls(Utf8JsonWriter writer, PreparedOperation operation, ResultObject data, JsonElement introspection, PlanExtension? queryPlan = null)
    {
        if (_errors.Count > 0)
        {
            return false;
        }

        _optimistic = true;
        try
        {
            var root = operation.RootSelection;
            writer.WriteStartObject();
            writer.WritePropertyName(DataName);
            if (!WriteObject(writer, data, operation.RootType, operation.RootType, root, null, root, introspection))
            {
                return false;
            }

            WriteExtensions(writer, queryPlan);
            writer.WriteEndObject();
            return true;
        }
        finally
        {
            _optimistic = false;
        }
    }

    /// <param name="queryPlan">When set, the plan is returned in <c>extensions.queryPlan</c> (see <see cref="WriteExtensions"/>).</param>
    public void Write(Utf8JsonWriter writer, PreparedOperation operation, ResultObject data, JsonElement introspection, PlanExtension? queryPlan = null)
    {
        var root = operation.RootSelection;
        var rootNull = CheckObject(data, operation.RootType, operation.RootType, root, null, root);

        writer.WriteStartObject();
        if (_errors.Count > 0)
        {
            writer.WriteStartArray("errors");
            for (var i = 0; i < _errors.Count && i < _maxErrors; i++)
            {
                _errors[i].Write(writer);
            }

            if (_errors.Count > _maxErrors)
            {
                var summary = ErrorCap.Summary(_maxErrors);
                new GatewayError(summary.Message, null, summary.Code, null).Write(writer);
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName(DataName);
        if (rootNull)
        {
            writer.WriteNullValue();
        }
        else
        {
            WriteObject(writer, data, operation.RootType, operation.RootType, root, null, root, introspection);
        }

        WriteExtensions(writer, queryPlan);
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>"extensions": {"queryPlan": {"text": printed, "object": JSON, "timings": …}}</c>: the plan as
    /// <see cref="QueryPlanPrinter"/> prints it and as <see cref="QueryPlanJson"/> writes it (both computed once per
    /// plan), and when each of this request's fetches ran (see <see cref="FetchTimings.Write"/>).
    /// </summary>
    private static void WriteExtensions(Utf8JsonWriter writer, PlanExtension? queryPlan)
    {
        if (queryPlan is { Plan: var plan })
        {
            writer.WriteStartObject("extensions");
            writer.WriteStartObject("queryPlan");
            writer.WriteString("text", plan.Printed);
            writer.WritePropertyName("object");
            writer.WriteRawValue(plan.Json.Span, skipInputValidation: true);
            if (queryPlan.Timings is { } timings)
            {
                writer.WritePropertyName("timings");
                timings.Write(writer);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    /// <summary>
    /// The fields to write for an object of <paramref name="runtimeType"/> (CollectFields): the sub-selections of
    /// the field nodes <paramref name="nodes"/> merged by response name, or the <paramref name="root"/> selection,
    /// each with its schema definition. Computed once per (selection, runtime type) and operation (see
    /// <see cref="ResponseShapes"/>); the cache is keyed by reference and the type names of one schema are shared
    /// strings, so a hit hashes no string.
    /// </summary>
    private CollectedFields Collect(object key, string runtimeType, string declaredType, List<FieldSelection>? nodes, SelectionSet? root)
    {
        if (_shapes.Find(key, runtimeType) is { } cached)
        {
            return cached;
        }

        var type = _schema.FindType(runtimeType) ?? _schema.GetType(declaredType);
        var fields = new List<CollectedField>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root is not null)
        {
            CollectInto(root, type, runtimeType, fields, index);
        }

        if (nodes is not null)
        {
            foreach (var node in nodes)
            {
                if (node.SelectionSet is not null)
                {
                    CollectInto(node.SelectionSet, type, runtimeType, fields, index);
                }
            }
        }

        return _shapes.Add(key, new CollectedFields(runtimeType, type, fields.ToArray(), null));
    }

    private void CollectInto(SelectionSet set, SchemaType type, string runtimeType, List<CollectedField> result, Dictionary<string, int> index)
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
                        result.Add(CollectedField.For(field, type));
                    }
                    else
                    {
                        result[i].Nodes.Add(field);
                    }

                    break;
                case InlineFragmentSelection fragment:
                    if (fragment.TypeCondition is null || fragment.TypeCondition == runtimeType || _schema.Satisfies(runtimeType, fragment.TypeCondition))
                    {
                        CollectInto(fragment.SelectionSet, type, runtimeType, result, index);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The type an object of <paramref name="declared"/> is completed as: its <c>__typename</c> when the declared
    /// type is abstract, the declared type itself otherwise (as graphql-js does; no lookup in the object).
    /// </summary>
    private static string RuntimeType(ResultObject obj, SchemaType declared) => declared.IsAbstract ? obj.Typename ?? declared.Name : declared.Name;

    // ---- pass 1: which objects and lists become null ----

    private bool CheckObject(ResultObject obj, string declaredType, string runtimeType, object key, List<FieldSelection>? fieldNodes, SelectionSet? root)
    {
        var collected = Collect(key, runtimeType, declaredType, fieldNodes, root);
        var next = 0;
        foreach (var field in collected.Fields)
        {
            var definition = field.Definition;
            if (definition is null)
            {
                continue;
            }

            obj.TryGetValueInOrder(field.DataKey, ref next, out var value);
            _path.Push(field.Name);
            var nulled = CheckValue(value, definition.Type, field.Nodes, definition) && definition.Type.IsNonNull;
            if (nulled && value.Ref is null or byte[])
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
    private bool CheckValue(ResultValue value, TypeRef type, List<FieldSelection> nodes, SchemaField field)
    {
        var nullable = type.Nullable;
        switch (value.Ref)
        {
            case null:
                return true;
            case List<ResultValue> list when nullable.IsList:
                var itemType = nullable.OfType!;
                for (var i = 0; i < list.Count; i++)
                {
                    _path.Push(i);
                    var nulled = CheckValue(list[i], itemType, nodes, field) && itemType.IsNonNull;
                    if (nulled && list[i].Ref is null or byte[])
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
            case ResultObject obj when _schema.FindType(nullable) is { IsComposite: true } declared:
                if (declared.IsAbstract && obj.Typename is { } typename && !IsVisibleRuntimeType(typename, declared.Name))
                {
                    // An object of a type the client cannot see (inaccessible, or unknown to the API) is null.
                    _nulled.Add(obj);
                    return true;
                }

                return CheckObject(obj, declared.Name, RuntimeType(obj, declared), nodes, nodes, null);
            case byte[] when IsHiddenEnumValue(value, nullable):
                _errors.Add(new GatewayError($"Enum \"{nullable.Name}\" cannot represent value: {value.RawText()}", _path.ToArray(), null, null));
                return true;
            case byte[] when IsMisplacedLeaf(nullable):
                return true;
            case ResultObject or List<ResultValue>:
                // A shape that does not fit the schema (e.g. an object where a list belongs) completes to null,
                // unless the field is a leaf (custom scalars may be JSON objects or lists).
                return _schema.FindNamedType(type) is not { IsLeaf: true };
            default:
                return false;
        }
    }

    /// <summary>
    /// Reports a null in a non-null position (graphql-js wording, for fields and their list items alike), unless
    /// an error at, under or above that position already explains it (a subgraph error, a failed fetch, an entity
    /// its lookup did not find: what is missing inside it is that error's doing, as graphql-js reports one error
    /// per failed field and none below it).
    /// </summary>
    private void AddNullError(SchemaField field)
    {
        var array = _path.ToArray();
        foreach (var error in _errors)
        {
            if (error.Path is not null && (IsPrefixOrEqual(array, error.Path) || IsPrefixOrEqual(error.Path, array)))
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
        nullable.IsList || _schema.FindType(nullable) is { IsComposite: true };

    /// <summary>An enum value the API schema does not expose (e.g. <c>@inaccessible</c>) cannot be returned.</summary>
    private bool IsHiddenEnumValue(ResultValue value, TypeRef type) =>
        value.IsString
        && _schema.FindType(type) is { Kind: TypeKind.Enum } enumType
        && !enumType.HasVisibleEnumValue(JsonNames.StringValue(value));

    // ---- pass 2: write ----

    /// <returns>False when the one-pass write gives up (see <see cref="TryWriteWithoutNulls"/>).</returns>
    private bool WriteObject(Utf8JsonWriter writer, ResultObject obj, string declaredType, string runtimeType, object key, List<FieldSelection>? fieldNodes, SelectionSet? root, JsonElement introspection)
    {
        var collected = Collect(key, runtimeType, declaredType, fieldNodes, root);
        writer.WriteStartObject();
        var next = 0;
        foreach (var field in collected.Fields)
        {
            writer.WritePropertyName(field.Nodes[0].EncodedResponseName);
            switch (field.Kind)
            {
                case CollectedFieldKind.Typename:
                    writer.WriteStringValue(collected.Type.Name);
                    continue;
                case CollectedFieldKind.Introspection:
                    if (introspection.ValueKind == JsonValueKind.Object && introspection.TryGetProperty(field.Name, out var answer))
                    {
                        answer.WriteTo(writer);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }

                    continue;
            }

            if (field.Definition is not { } definition)
            {
                writer.WriteNullValue();
                continue;
            }

            obj.TryGetValueInOrder(field.DataKey, ref next, out var value);
            if (!WriteValue(writer, value, definition.Type, field.Nodes))
            {
                return false;
            }
        }

        writer.WriteEndObject();
        return true;
    }

    /// <returns>False when the one-pass write gives up (see <see cref="TryWriteWithoutNulls"/>).</returns>
    private bool WriteValue(Utf8JsonWriter writer, ResultValue value, TypeRef type, List<FieldSelection> nodes)
    {
        var nullable = type.Nullable;
        switch (value.Ref)
        {
            case null:
                if (_optimistic && type.IsNonNull)
                {
                    return false;
                }

                writer.WriteNullValue();
                return true;
            case List<ResultValue> list when nullable.IsList:
                if (!_optimistic && _nulled.Contains(list))
                {
                    writer.WriteNullValue();
                    return true;
                }

                writer.WriteStartArray();
                var itemType = nullable.OfType!;
                for (var i = 0; i < list.Count; i++)
                {
                    // The next items' objects load while this one is written (see CachePrefetch).
                    if (i + CachePrefetch.ListItemsAhead < list.Count)
                    {
                        CachePrefetch.Object(list[i + CachePrefetch.ListItemsAhead].Ref);
                    }

                    if (!WriteValue(writer, list[i], itemType, nodes))
                    {
                        return false;
                    }
                }

                writer.WriteEndArray();
                return true;
            case ResultObject obj when _schema.FindType(nullable) is { IsComposite: true } composite:
                if (_optimistic)
                {
                    if (composite.IsAbstract && obj.Typename is { } typename && !IsVisibleRuntimeType(typename, composite.Name))
                    {
                        return false;
                    }
                }
                else if (_nulled.Contains(obj))
                {
                    writer.WriteNullValue();
                    return true;
                }

                return WriteObject(writer, obj, composite.Name, RuntimeType(obj, composite), nodes, nodes, null, default);
            case byte[]:
                if (IsHiddenEnumValue(value, nullable) || IsMisplacedLeaf(nullable))
                {
                    if (_optimistic)
                    {
                        return false;
                    }

                    writer.WriteNullValue();
                }
                else
                {
                    // The raw token as the subgraph sent it: valid JSON (the answer was read whole), strings
                    // keep their own escaping (no decode and re-encode per value).
                    writer.WriteRawValue(value.Raw, skipInputValidation: true);
                }

                return true;
            default:
                if (_schema.FindNamedType(type) is { IsLeaf: true })
                {
                    WriteRaw(writer, value);
                }
                else
                {
                    if (_optimistic)
                    {
                        return false;
                    }

                    writer.WriteNullValue();
                }

                return true;
        }
    }

    /// <summary>Writes a merged value as plain JSON (custom scalars holding objects or lists).</summary>
    public static void WriteRaw(Utf8JsonWriter writer, ResultValue value)
    {
        switch (value.Ref)
        {
            case null:
                writer.WriteNullValue();
                break;
            case byte[]:
                writer.WriteRawValue(value.Raw, skipInputValidation: true);
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
            case List<ResultValue> list:
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
