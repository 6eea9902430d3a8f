using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FederatedGateway.Core.Text;

/// <summary>
/// Small JSON pieces written without the reflection-based serializer (which a native, trimmed build cannot rely on).
/// Escaping is System.Text.Json's default encoder, as the serializer's defaults use.
/// </summary>
public static class JsonText
{
    /// <summary>The string as a JSON string literal, quotes included.</summary>
    public static string Quote(string value) => "\"" + JsonEncodedText.Encode(value).Value + "\"";

    /// <summary>The node written as UTF-8 JSON (compact).</summary>
    public static byte[] ToUtf8Bytes(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The node as a <see cref="JsonElement"/> that owns its data.</summary>
    public static JsonElement ToElement(JsonNode node)
    {
        var reader = new Utf8JsonReader(ToUtf8Bytes(node));
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary><c>{"name":"value"}</c> as UTF-8.</summary>
    public static byte[] ObjectWithOneString(string name, string value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(name, value);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
