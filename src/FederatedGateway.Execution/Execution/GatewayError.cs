using System.Text.Json;

namespace FederatedGateway.Execution.Execution;

/// <summary>An error of the client response: message, optional path, extensions.</summary>
internal sealed class GatewayError
{
    public GatewayError(string message, object[]? path, string? code, string? serviceName, JsonElement extensions = default)
    {
        Message = message;
        Path = path;
        Code = code;
        ServiceName = serviceName;
        Extensions = extensions;
    }

    public string Message { get; }

    public object[]? Path { get; }

    public string? Code { get; }

    public string? ServiceName { get; }

    /// <summary>The subgraph's own <c>extensions</c> object, kept as is (undefined when none).</summary>
    public JsonElement Extensions { get; }

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("message", Message);
        if (Path is not null)
        {
            writer.WriteStartArray("path");
            foreach (var segment in Path)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue((string)segment);
                }
            }

            writer.WriteEndArray();
        }

        var hasCode = false;
        writer.WriteStartObject("extensions");
        if (Extensions.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in Extensions.EnumerateObject())
            {
                if (property.NameEquals("serviceName"))
                {
                    continue;
                }

                hasCode |= property.NameEquals("code");
                property.WriteTo(writer);
            }
        }

        if (!hasCode && Code is not null)
        {
            writer.WriteString("code", Code);
        }

        if (ServiceName is not null)
        {
            writer.WriteString("serviceName", ServiceName);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
