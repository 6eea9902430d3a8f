using System.Runtime.InteropServices;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// A request's variables as GraphQL.NET's <see cref="Inputs"/>, read by its own converter straight from the JSON
/// (the converter reads every value itself; going through <c>JsonSerializer</c> would need reflection-based metadata,
/// which a native build does not have). Nesting deeper than the reader's default 64 levels is a <see cref="JsonException"/>.
/// </summary>
public static class VariableInputs
{
    private static readonly InputsJsonConverter Converter = new();
    private static readonly JsonSerializerOptions Options = new();

    /// <summary>The object's members as inputs (an object value is expected).</summary>
    /// <exception cref="JsonException">A value the reader refuses, e.g. a string escaping half of a surrogate pair.</exception>
    public static Inputs Read(JsonElement variables)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(variables));
        reader.Read();
        try
        {
            return Converter.Read(ref reader, typeof(Inputs), Options) ?? Inputs.Empty;
        }
        catch (InvalidOperationException ex)
        {
            // The reader refusing a value it was asked for (JsonSerializer reported these as JSON errors too).
            throw new JsonException(ex.Message, ex);
        }
    }
}
