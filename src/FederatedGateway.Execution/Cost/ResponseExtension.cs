using System.Buffers;
using System.Text.Json;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Cost;

/// <summary>
/// Adds one member to a finished response's <c>extensions</c> by writing the response again (only for the few
/// requests that ask for it: the hot path writes its response once).
/// </summary>
internal static class ResponseExtension
{
    /// <param name="write">Writes the member's value; gets the response's <c>data</c> (undefined when absent).</param>
    public static GatewayResult Add(GatewayResult result, string name, Action<Utf8JsonWriter, JsonElement> write)
    {
        using var document = JsonDocument.Parse(result.Body);
        var root = document.RootElement;
        var output = new ArrayBufferWriter<byte>(result.Body.Length + 128);
        using (var writer = new Utf8JsonWriter(output, ResponseJson.WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (!property.NameEquals("extensions"u8))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteStartObject("extensions"u8);
            if (root.TryGetProperty("extensions"u8, out var extensions) && extensions.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in extensions.EnumerateObject())
                {
                    property.WriteTo(writer);
                }
            }

            writer.WritePropertyName(name);
            write(writer, root.TryGetProperty("data"u8, out var data) ? data : default);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var rewritten = new GatewayResult(result.Kind, output.WrittenMemory) { RetryAfter = result.RetryAfter };
        result.Dispose();
        return rewritten;
    }
}
