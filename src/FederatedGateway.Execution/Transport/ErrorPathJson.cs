using System.Text.Json;

namespace FederatedGateway.Execution.Transport;

/// <summary>Writes a GraphQL error's <c>path</c>: response keys as strings, list indexes as numbers.</summary>
public static class ErrorPathJson
{
    public static void Write(Utf8JsonWriter json, IEnumerable<object> path)
    {
        json.WriteStartArray("path");
        foreach (var segment in path)
        {
            if (segment is int index)
            {
                json.WriteNumberValue(index);
            }
            else
            {
                json.WriteStringValue((string)segment);
            }
        }

        json.WriteEndArray();
    }
}
