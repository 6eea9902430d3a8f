using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Execution;

/// <summary>Writes the <c>_Any</c> representation of a merged object for an entity fetch.</summary>
internal static class RepresentationWriter
{
    private static readonly JsonEncodedText s_typename = JsonEncodedText.Encode("__typename");

    /// <summary>
    /// Returns false when the object matches no requirement or lacks a key field; the writer may then hold part of
    /// an object, which the caller discards.
    /// </summary>
    public static bool TryWrite(Utf8JsonWriter writer, FederatedSchema schema, ResultObject obj, IReadOnlyList<EntityRequirement> requirements)
    {
        var typename = obj.Typename;
        if (typename is null)
        {
            return false;
        }

        for (var r = 0; r < requirements.Count; r++)
        {
            var requirement = requirements[r];
            if (!schema.Satisfies(typename, requirement.TypeCondition))
            {
                continue;
            }

            if (IsFlat(requirement.Fields))
            {
                return TryWriteFlat(writer, schema, obj, requirement.Fields, requirement.RepresentationTypename ?? typename);
            }

            if (!HasTopLevelFields(obj, requirement.Fields, schema, typename)
                || !IsComplete(obj, requirement.RepresentationTypename ?? typename, requirement.Fields, schema))
            {
                return false;
            }

            writer.WriteStartObject();
            writer.WriteString(s_typename, requirement.RepresentationTypename ?? typename);
            WriteFields(writer, schema, obj, requirement.Fields, typename);
            writer.WriteEndObject();
            return true;
        }

        return false;
    }

    /// <summary>True for a key of plain fields (<c>id</c>, <c>upc sku</c>): no sub-selections, no fragments.</summary>
    private static bool IsFlat(SelectionSet fields)
    {
        var selections = fields.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            if (selections[i] is not FieldSelection { SelectionSet: null })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The common case in one pass: every key field must be present and complete (as <see cref="HasTopLevelFields"/>
    /// and <see cref="IsComplete"/> check), and is written as it is checked.
    /// </summary>
    private static bool TryWriteFlat(Utf8JsonWriter writer, FederatedSchema schema, ResultObject obj, SelectionSet fields, string typeName)
    {
        writer.WriteStartObject();
        writer.WriteString(s_typename, typeName);
        var selections = fields.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            var field = (FieldSelection)selections[i];
            if (field.IsTypename)
            {
                continue;
            }

            var index = obj.IndexOf(field.ResponseName);
            if (index < 0)
            {
                return false;
            }

            var value = obj.ValueAt(index);
            if (!IsCompleteValue(value, Definition(schema, field, typeName)?.Type, null, schema))
            {
                return false;
            }

            writer.WritePropertyName(field.EncodedName);
            WriteValue(writer, schema, value, null);
        }

        writer.WriteEndObject();
        return true;
    }

    /// <summary>
    /// The definition of <paramref name="field"/> on <paramref name="typeName"/>: the selection's own when it belongs
    /// to that type (the usual case, no lookup), else the type's field of that name.
    /// </summary>
    internal static SchemaField? Definition(FederatedSchema schema, FieldSelection field, string typeName) =>
        field.Definition is { } own && string.Equals(own.ParentType, typeName)
            ? own
            : schema.FindType(typeName)?.FindField(field.Name);

    /// <summary>
    /// False when a required value the schema declares non-null is null or missing (the fetch that should have
    /// supplied it failed): such an object is not sent, rather than sent with nulls the subgraph would reject.
    /// </summary>
    private static bool IsComplete(ResultObject obj, string typeName, SelectionSet fields, FederatedSchema schema)
    {
        var selections = fields.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            switch (selections[i])
            {
                case FieldSelection { IsTypename: true }:
                    break;
                case FieldSelection f:
                    obj.TryGetValue(f.ResponseName, out var value);
                    if (!IsCompleteValue(value, Definition(schema, f, typeName)?.Type, f.SelectionSet, schema))
                    {
                        return false;
                    }

                    break;
                case InlineFragmentSelection fragment when fragment.TypeCondition is null || schema.Satisfies(typeName, fragment.TypeCondition):
                    if (!IsComplete(obj, typeName, fragment.SelectionSet, schema))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private static bool IsCompleteValue(ResultValue value, TypeRef? type, SelectionSet? selection, FederatedSchema schema)
    {
        switch (value.Ref)
        {
            case null:
                return type is null || !type.IsNonNull;
            case List<ResultValue> list:
                var item = type?.Nullable.OfType;
                foreach (var element in list)
                {
                    if (!IsCompleteValue(element, item, selection, schema))
                    {
                        return false;
                    }
                }

                return true;
            case ResultObject nested when selection is not null && type is not null:
                return IsComplete(nested, nested.Typename ?? type.NamedType, selection, schema);
            default:
                return true;
        }
    }

    private static bool HasTopLevelFields(ResultObject obj, SelectionSet fields, FederatedSchema schema, string typename)
    {
        var selections = fields.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            switch (selections[i])
            {
                case FieldSelection { IsTypename: true }:
                    break;
                case FieldSelection f:
                    if (!obj.ContainsKey(f.ResponseName))
                    {
                        return false;
                    }

                    break;
                case InlineFragmentSelection fragment when fragment.TypeCondition is null || schema.Satisfies(typename, fragment.TypeCondition):
                    if (!HasTopLevelFields(obj, fragment.SelectionSet, schema, typename))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private static void WriteFields(Utf8JsonWriter writer, FederatedSchema schema, ResultObject obj, SelectionSet fields, string? typename)
    {
        var selections = fields.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            switch (selections[i])
            {
                case FieldSelection { IsTypename: true }:
                    break;
                case FieldSelection f:
                    // Representations name fields, not aliases; the value is read where the fetch put it.
                    writer.WritePropertyName(f.EncodedName);
                    obj.TryGetValue(f.ResponseName, out var value);
                    WriteValue(writer, schema, value, f.SelectionSet);
                    break;
                case InlineFragmentSelection fragment:
                    if (fragment.TypeCondition is null || (typename is not null && schema.Satisfies(typename, fragment.TypeCondition)))
                    {
                        WriteFields(writer, schema, obj, fragment.SelectionSet, typename);
                    }

                    break;
            }
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, FederatedSchema schema, ResultValue value, SelectionSet? selection)
    {
        switch (value.Ref)
        {
            case null:
                writer.WriteNullValue();
                break;
            case byte[]:
                // The raw token of the subgraph answer that holds it (valid JSON: that answer was read whole).
                writer.WriteRawValue(value.Raw, skipInputValidation: true);
                break;
            case ResultObject nested when selection is not null:
                writer.WriteStartObject();
                var typename = nested.Typename;
                if (typename is not null && ContainsTypename(selection))
                {
                    writer.WriteString(s_typename, typename);
                }

                WriteFields(writer, schema, nested, selection, typename);
                writer.WriteEndObject();
                break;
            case List<ResultValue> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, schema, item, selection);
                }

                writer.WriteEndArray();
                break;
            default:
                ResponseWriter.WriteRaw(writer, value);
                break;
        }
    }

    private static bool ContainsTypename(SelectionSet selection)
    {
        var selections = selection.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            if (selections[i] is FieldSelection { IsTypename: true })
            {
                return true;
            }
        }

        return false;
    }
}
