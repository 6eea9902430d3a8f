using System.Text.Json;

namespace FederatedGateway.Execution.Usage;

/// <summary>Whether a gateway response carries errors, read from its first member.</summary>
/// <remarks>
/// Every response the gateway writes puts <c>errors</c> before <c>data</c> (the executor's writer, the error-only
/// answers, the authorization redactor), so the first member decides without reading the data.
/// </remarks>
public static class ResponseErrors
{
    public static bool Present(ReadOnlySpan<byte> response)
    {
        var reader = new Utf8JsonReader(response);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName
                && reader.ValueTextEquals("errors"u8);
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
