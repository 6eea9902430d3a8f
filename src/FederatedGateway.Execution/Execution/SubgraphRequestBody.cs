using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using FederatedGateway.Execution.Compilation;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Writes the GraphQL-over-HTTP body of a fetch: <c>{"query":…,"variables":{"representations":[…],…}}</c>.
/// The operation text is JSON-encoded once per compiled fetch (see <see cref="CompiledFetch"/>), not once per request.
/// </summary>
internal static class SubgraphRequestBody
{
    private static readonly JsonEncodedText s_query = JsonEncodedText.Encode("query");
    private static readonly JsonEncodedText s_variables = JsonEncodedText.Encode("variables");
    private static readonly JsonEncodedText s_representations = JsonEncodedText.Encode("representations");

    /// <param name="representations">The distinct representations of an entity fetch; null for a root fetch.</param>
    /// <param name="representationBytes">Their total size (sizes the buffer).</param>
    public static ReadOnlyMemory<byte> Write(CompiledFetch compiled, JsonElement variables, List<byte[]>? representations, int representationBytes)
    {
        var fetch = compiled.Node;
        var usesVariables = fetch.VariableUsages.Count > 0 && variables.ValueKind == JsonValueKind.Object;
        var capacity = compiled.OperationLiteral.Length + representationBytes + 64 + (usesVariables ? JsonMarshal.GetRawUtf8Value(variables).Length : 0);
        var buffer = new ArrayBufferWriter<byte>(capacity);
        using var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        writer.WritePropertyName(s_query);
        writer.WriteRawValue(compiled.OperationLiteral.Span, skipInputValidation: true);
        if (representations is not null || fetch.VariableUsages.Count > 0)
        {
            writer.WriteStartObject(s_variables);
            if (representations is not null)
            {
                writer.WriteStartArray(s_representations);
                foreach (var representation in representations)
                {
                    writer.WriteRawValue(representation, skipInputValidation: true);
                }

                writer.WriteEndArray();
            }

            if (usesVariables)
            {
                // The client's values as it sent them; variables it left out stay out (subgraph defaults apply).
                for (var i = 0; i < fetch.VariableUsages.Count; i++)
                {
                    var name = fetch.VariableUsages[i];
                    if (variables.TryGetProperty(name, out var value))
                    {
                        writer.WritePropertyName(name);
                        value.WriteTo(writer);
                    }
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenMemory;
    }
}
