using System.Buffers;
using System.Text.Json;
using FederatedGateway.Execution.Subscriptions;

namespace FederatedGateway.AspNetCore.Subscriptions;

/// <summary>The gateway's <c>graphql-transport-ws</c> messages as UTF-8 JSON.</summary>
internal static class ServerMessages
{
    public static readonly byte[] ConnectionAck = """{"type":"connection_ack"}"""u8.ToArray();
    public static readonly byte[] Ping = """{"type":"ping"}"""u8.ToArray();
    public static readonly byte[] Pong = """{"type":"pong"}"""u8.ToArray();

    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText s_type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText s_payload = JsonEncodedText.Encode("payload");

    /// <summary><c>{"id":…,"type":"next"|"error","payload":…}</c>; the payload is written as it is.</summary>
    public static ReadOnlyMemory<byte> WithPayload(string id, string type, ReadOnlyMemory<byte> payload)
    {
        var output = new ArrayBufferWriter<byte>(payload.Length + id.Length + 48);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString(s_id, id);
        writer.WriteString(s_type, type);
        writer.WritePropertyName(s_payload);
        writer.WriteRawValue(payload.Span, skipInputValidation: true);
        writer.WriteEndObject();
        writer.Flush();
        return output.WrittenMemory;
    }

    /// <summary><c>{"id":…,"type":"complete"}</c>.</summary>
    public static ReadOnlyMemory<byte> Complete(string id)
    {
        var output = new ArrayBufferWriter<byte>(id.Length + 32);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString(s_id, id);
        writer.WriteString(s_type, TransportWs.Complete);
        writer.WriteEndObject();
        writer.Flush();
        return output.WrittenMemory;
    }

    /// <summary>A JSON array with one error: <c>[{"message":…,"extensions":{"code":…}}]</c>.</summary>
    public static ReadOnlyMemory<byte> OneError(string message, string code)
    {
        var output = new ArrayBufferWriter<byte>(message.Length + 64);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartArray();
        writer.WriteStartObject();
        writer.WriteString("message", message);
        writer.WriteStartObject("extensions");
        writer.WriteString("code", code);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.Flush();
        return output.WrittenMemory;
    }
}
