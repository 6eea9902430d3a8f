using System.Text.Json;

namespace FederatedGateway.Execution.Execution;

/// <summary>An error of the client response: message, optional path, extensions.</summary>
internal sealed class GatewayError
{
    /// <param name="passedExtensions">
    /// The keys of <paramref name="extensions"/> written (its <c>code</c> then never is: <paramref name="code"/> is);
    /// null writes them all.
    /// </param>
    public GatewayError(
        string message, object[]? path, string? code, string? serviceName, JsonElement extensions = default, IReadOnlySet<string>? passedExtensions = null)
    {
        Message = message;
        Path = path;
        Code = code;
        ServiceName = serviceName;
        Extensions = extensions;
        PassedExtensions = passedExtensions;
    }

    public string Message { get; }

    public object[]? Path { get; }

    public string? Code { get; }

    public string? ServiceName { get; }

    /// <summary>The subgraph's own <c>extensions</c> object, kept as is (undefined when none).</summary>
    public JsonElement Extensions { get; }

    /// <summary>Which keys of <see cref="Extensions"/> reach the client (a masked subgraph error); null: all.</summary>
    public IReadOnlySet<string>? PassedExtensions { get; }

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
                if (property.NameEquals("serviceName")
                    || (PassedExtensions is not null && (property.NameEquals("code") || !PassedExtensions.Contains(property.Name))))
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
