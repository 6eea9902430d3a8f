using System.Buffers;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Execution;

namespace FederatedGateway.Execution.Requests;

/// <summary>Responses that carry only errors (<c>{"errors":[…]}</c>): refused, failed or timed-out requests.</summary>
public static class GatewayErrors
{
    /// <summary>A result of <paramref name="kind"/> whose body lists <paramref name="errors"/>.</summary>
    public static GatewayResult Result(GatewayResultKind kind, params IReadOnlyList<RequestError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(output, ResponseJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            foreach (var error in errors)
            {
                writer.WriteStartObject();
                writer.WriteString("message", error.Message);
                if (error.Locations.Count > 0)
                {
                    writer.WriteStartArray("locations");
                    foreach (var (line, column) in error.Locations)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("line", line);
                        writer.WriteNumber("column", column);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                WriteExtensions(writer, error);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return new GatewayResult(kind, output.WrittenMemory);
    }

    /// <summary>The <c>errors</c> array of an error result, as UTF-8 JSON (what a stream's error message carries).</summary>
    public static ReadOnlyMemory<byte> ErrorsOf(GatewayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var document = JsonDocument.Parse(result.Body);
        return document.RootElement.TryGetProperty("errors"u8, out var errors)
            ? System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(errors).ToArray()
            : "[]"u8.ToArray();
    }

    private static void WriteExtensions(Utf8JsonWriter writer, RequestError error)
    {
        writer.WriteStartObject("extensions");
        writer.WriteString("code", error.Code);
        if (error.Extensions is not null)
        {
            foreach (var (name, value) in error.Extensions)
            {
                if (name == "code")
                {
                    continue;
                }

                writer.WritePropertyName(name);
                switch (value)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case bool b:
                        writer.WriteBooleanValue(b);
                        break;
                    case int i:
                        writer.WriteNumberValue(i);
                        break;
                    case long l:
                        writer.WriteNumberValue(l);
                        break;
                    case double d:
                        writer.WriteNumberValue(d);
                        break;
                    default:
                        writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }
        }

        writer.WriteEndObject();
    }
}
