using System.Runtime.InteropServices;
using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Accepts a request's variables without GraphQL.NET when every value is certainly valid for its type, and reads the
/// Boolean values the plan's conditions need. Anything it is not sure of (a value of the wrong kind, a missing
/// required value, a <c>\u</c> escape in a string, duplicate or escaped names, a <c>@oneOf</c> input, a scalar type it
/// does not know) is left to GraphQL.NET's coercion, which also words the errors: so this path only ever says yes.
/// <para>
/// Why: on the varied-traffic benchmark (most of 240 operations take variables), GraphQL.NET's coercion (deserializing
/// the variables into <c>Inputs</c>, then a document walk per request) was 7.8% of the gateway's CPU in a perf profile,
/// plus the garbage it left.
/// </para>
/// </summary>
internal static class VariableFastPath
{
    /// <summary>Objects with more properties than this are left to GraphQL.NET (the duplicate-name check is pairwise).</summary>
    private const int MaxProperties = 32;

    /// <summary>
    /// True when every variable of <paramref name="definition"/> is certainly valid in <paramref name="variables"/>
    /// (an object, or absent); <paramref name="booleans"/> then holds every variable whose value (given or default)
    /// is <c>true</c> or <c>false</c>, as GraphQL.NET's coerced values would.
    /// </summary>
    public static bool TryAccept(ISchema schema, GraphQLOperationDefinition definition, JsonElement variables, Dictionary<string, bool> booleans)
    {
        var given = variables.ValueKind == JsonValueKind.Object;
        if (!(given || variables.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            || (given && !HasDistinctPlainNames(variables))
            || definition.Variables is not { } declared)
        {
            return false;
        }

        foreach (var variable in declared.Items)
        {
            var name = variable.Variable.Name.StringValue;
            if (given && variables.TryGetProperty(name, out var value))
            {
                // GraphQL.NET refuses an explicit null for a variable with a default where a non-null value is needed
                // (a directive's condition among them): whether it is needed is its to say.
                if ((value.ValueKind == JsonValueKind.Null && variable.DefaultValue is not null)
                    || !Accepts(schema, variable.Type, value, insideList: false))
                {
                    return false;
                }

                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False && variable.Type is not GraphQLListType)
                {
                    booleans[name] = value.ValueKind == JsonValueKind.True;
                }
            }
            else if (variable.DefaultValue is { } defaultValue)
            {
                // The document's validation checked the default against the type.
                if (defaultValue is GraphQLBooleanValue boolean && variable.Type is not GraphQLListType)
                {
                    booleans[name] = boolean.BoolValue;
                }
            }
            else if (variable.Type is GraphQLNonNullType)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Accepts(ISchema schema, GraphQLType type, JsonElement value, bool insideList) => type switch
    {
        GraphQLNonNullType nonNull => value.ValueKind != JsonValueKind.Null && Accepts(schema, nonNull.Type, value, insideList),
        _ when value.ValueKind == JsonValueKind.Null => true,
        GraphQLListType list when value.ValueKind == JsonValueKind.Array => AllItems(schema, list.Type, value),
        // A single value stands for a list of one; nested lists are left to GraphQL.NET.
        GraphQLListType list => !insideList && Accepts(schema, list.Type, value, insideList: true),
        GraphQLNamedType named => schema.AllTypes[named.Name.StringValue] is { } graphType && AcceptsNamed(graphType, value),
        _ => false,
    };

    private static bool Accepts(IGraphType type, JsonElement value, bool insideList) => type switch
    {
        NonNullGraphType nonNull => value.ValueKind != JsonValueKind.Null && nonNull.ResolvedType is { } inner && Accepts(inner, value, insideList),
        _ when value.ValueKind == JsonValueKind.Null => true,
        ListGraphType { ResolvedType: { } itemType } when value.ValueKind == JsonValueKind.Array => AllItems(itemType, value),
        ListGraphType { ResolvedType: { } itemType } => !insideList && Accepts(itemType, value, insideList: true),
        ListGraphType => false,
        _ => AcceptsNamed(type, value),
    };

    private static bool AcceptsNamed(IGraphType type, JsonElement value) => type switch
    {
        IntGraphType => IsIntegerLiteral(value) && value.TryGetInt32(out _),
        FloatGraphType => IsIntegerLiteral(value) ? value.TryGetInt64(out _) : IsFiniteNumber(value),
        StringGraphType => IsPlainString(value),
        BooleanGraphType => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        IdGraphType => IsPlainString(value) || (IsIntegerLiteral(value) && value.TryGetInt64(out _)),
        EnumerationGraphType enumeration => IsPlainString(value) && IsEnumValue(enumeration, value),
        ApiSchemaFactory.PassThroughScalar => AcceptsAnyJson(value),
        IInputObjectGraphType { IsOneOf: false } input => AcceptsInputObject(input, value),
        _ => false,
    };

    private static bool AcceptsInputObject(IInputObjectGraphType input, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !HasDistinctPlainNames(value))
        {
            return false;
        }

        var matched = 0;
        foreach (var field in input.Fields)
        {
            if (FindProperty(value, field.Name) is { } fieldValue)
            {
                matched++;
                if (field.ResolvedType is not { } fieldType || !Accepts(fieldType, fieldValue, insideList: false))
                {
                    return false;
                }
            }
            else if (field.ResolvedType is NonNullGraphType && field.DefaultValue is null)
            {
                return false;
            }
        }

        // Every property names a field: an unknown field is an error.
        return matched == value.GetPropertyCount();
    }

    private static JsonElement? FindProperty(JsonElement value, string name)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals(name))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static bool IsEnumValue(EnumerationGraphType enumeration, JsonElement value)
    {
        foreach (var definition in enumeration.Values)
        {
            if (value.ValueEquals(definition.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A custom scalar takes any JSON; GraphQL.NET still refuses escapes it cannot read and numbers that are not finite.</summary>
    private static bool AcceptsAnyJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => IsPlainString(value),
        JsonValueKind.Number => IsIntegerLiteral(value) || IsFiniteNumber(value),
        JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
        JsonValueKind.Array => AllItems(value),
        JsonValueKind.Object => HasDistinctPlainNames(value) && AllPropertyValues(value),
        _ => false,
    };

    private static bool AllPropertyValues(JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (!AcceptsAnyJson(property.Value))
            {
                return false;
            }
        }

        return true;
    }

    // One loop per kind of item check (no delegate per call on the request path).
    private static bool AllItems(ISchema schema, GraphQLType itemType, JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (!Accepts(schema, itemType, item, insideList: true))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllItems(IGraphType itemType, JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (!Accepts(itemType, item, insideList: true))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllItems(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (!AcceptsAnyJson(item))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIntegerLiteral(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && JsonMarshal.GetRawUtf8Value(value).IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;

    private static bool IsFiniteNumber(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number);

    private static bool IsPlainString(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && JsonMarshal.GetRawUtf8Value(value).IndexOf("\\u"u8) < 0;

    /// <summary>At most <see cref="MaxProperties"/> properties, none of them escaped, no name twice.</summary>
    private static bool HasDistinctPlainNames(JsonElement value)
    {
        var count = value.GetPropertyCount();
        if (count > MaxProperties)
        {
            return false;
        }

        var index = 0;
        foreach (var property in value.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            if (name.Contains((byte)'\\'))
            {
                return false;
            }

            var other = 0;
            foreach (var earlier in value.EnumerateObject())
            {
                if (other++ == index)
                {
                    break;
                }

                if (JsonMarshal.GetRawUtf8PropertyName(earlier).SequenceEqual(name))
                {
                    return false;
                }
            }

            index++;
        }

        return true;
    }
}
