using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Refuses client variables holding a JSON number longer than <see cref="MaxNumberLength"/> characters, before
/// GraphQL.NET's serializer reads them: it turns an integer literal into a <see cref="System.Numerics.BigInteger"/>,
/// whose parse is super-linear (a 1,000,000-digit Int took 1.7 s). The walk reads the raw UTF-8 of each number and
/// allocates nothing unless it finds one.
/// </summary>
internal static class LongNumberVariableCheck
{
    /// <summary>
    /// The longest number text accepted: 128 characters. The longest double written exactly
    /// (<c>-1.7976931348623157e+308</c>) is 24, a decimal of 28-29 significant digits with sign, point and exponent
    /// under 40; anything longer is out of every built-in and usual custom scalar's range and would be refused in
    /// coercion anyway, only later and at a super-linear cost.
    /// </summary>
    public const int MaxNumberLength = 128;

    /// <summary>The error for the first variable holding an over-long number (at any depth), or null.</summary>
    public static RequestError? Check(JsonElement variables)
    {
        if (variables.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var variable in variables.EnumerateObject())
        {
            if (PathToLongNumber(variable.Value, out var length) is { } path)
            {
                var where = path.Length == 0 ? "" : $" at \"{path.TrimStart('.')}\"";
                return RequestError.Of(
                    $"Variable \"${variable.Name}\" got an invalid value{where}: a number of {length.ToString(CultureInfo.InvariantCulture)} characters is longer than the {MaxNumberLength.ToString(CultureInfo.InvariantCulture)} accepted.",
                    NonFiniteVariableCheck.Code);
            }
        }

        return null;
    }

    // The envelope reader bounds the JSON's depth, so the recursion is bounded too.
    private static string? PathToLongNumber(JsonElement value, out int length)
    {
        length = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                length = JsonMarshal.GetRawUtf8Value(value).Length;
                return length > MaxNumberLength ? "" : null;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (PathToLongNumber(property.Value, out length) is { } rest)
                    {
                        return "." + property.Name + rest;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (PathToLongNumber(item, out length) is { } rest)
                    {
                        return "[" + index.ToString(CultureInfo.InvariantCulture) + "]" + rest;
                    }

                    index++;
                }

                return null;
            default:
                return null;
        }
    }
}
