using System.Text.Json;
using GraphQLParser.AST;

namespace FederatedGateway.Execution.Transport;

/// <summary>
/// Writes GraphQL argument values (literals with variables substituted) as JSON: what sources that are not GraphQL
/// (gRPC, REST) turn a subgraph operation's arguments into.
/// </summary>
public static class ArgumentJson
{
    public static void WriteObject(Utf8JsonWriter json, IReadOnlyList<GraphQLArgument> arguments, JsonElement variables)
    {
        json.WriteStartObject();
        foreach (var argument in arguments)
        {
            if (argument.Value is GraphQLVariable v && !TryVariable(variables, v, out _))
            {
                continue;
            }

            json.WritePropertyName(argument.Name.StringValue);
            WriteValue(json, argument.Value, variables);
        }

        json.WriteEndObject();
    }

    private static bool TryVariable(JsonElement variables, GraphQLVariable variable, out JsonElement value)
    {
        value = default;
        return variables.ValueKind == JsonValueKind.Object && variables.TryGetProperty(variable.Name.StringValue, out value);
    }

    public static void WriteValue(Utf8JsonWriter json, GraphQLValue value, JsonElement variables)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                if (TryVariable(variables, variable, out var bound))
                {
                    bound.WriteTo(json);
                }
                else
                {
                    json.WriteNullValue();
                }

                break;
            case GraphQLIntValue or GraphQLFloatValue:
                json.WriteRawValue(value is GraphQLIntValue i ? i.Value.Span : ((GraphQLFloatValue)value).Value.Span);
                break;
            case GraphQLStringValue s:
                json.WriteStringValue(s.Value.Span);
                break;
            case GraphQLBooleanValue b:
                json.WriteBooleanValue(b.BoolValue);
                break;
            case GraphQLEnumValue e:
                json.WriteStringValue(e.Name.Value.Span);
                break;
            case GraphQLListValue list:
                json.WriteStartArray();
                foreach (var item in list.Values ?? [])
                {
                    WriteValue(json, item, variables);
                }

                json.WriteEndArray();
                break;
            case GraphQLObjectValue obj:
                json.WriteStartObject();
                foreach (var field in obj.Fields ?? [])
                {
                    json.WritePropertyName(field.Name.StringValue);
                    WriteValue(json, field.Value, variables);
                }

                json.WriteEndObject();
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }
}
