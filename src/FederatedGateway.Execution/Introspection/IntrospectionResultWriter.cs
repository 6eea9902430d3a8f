using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;

namespace FederatedGateway.Execution.Introspection;

/// <summary>
/// Writes the <c>data</c> of GraphQL.NET's introspection result as JSON without the reflection-based serializer
/// (which a native build does not have): the execution tree's plain value (<see cref="ExecutionNode.ToValue"/>:
/// dictionaries, lists and scalars already serialized by their graph types) is written value by value.
/// </summary>
internal static class IntrospectionResultWriter
{
    /// <summary>The result's data object, or null when it has none (nothing was executed).</summary>
    public static byte[]? DataJson(ExecutionResult result)
    {
        var data = result.Data is ExecutionNode node ? node.ToValue() : result.Data;
        if (data is not IDictionary<string, object?>)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, data);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong large:
                writer.WriteNumberValue(large);
                break;
            case double or float:
                writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case decimal exact:
                writer.WriteNumberValue(exact);
                break;
            case BigInteger big:
                writer.WriteRawValue(big.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            case Enum member:
                writer.WriteStringValue(member.ToString());
                break;
            case IDictionary<string, object?> fields:
                writer.WriteStartObject();
                foreach (var (name, field) in fields)
                {
                    writer.WritePropertyName(name);
                    Write(writer, field);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
