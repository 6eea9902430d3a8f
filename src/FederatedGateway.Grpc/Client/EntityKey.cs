using System.Text;
using FederatedGateway.Grpc.Codec;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// An entity's identity for pairing a batched lookup's answers with its keys: the wire values of its scalar key
/// fields (a string's bytes, a number's varint or fixed value), an absent field counting as its default. The keys
/// asked for are encoded into the same message type first, so both sides compare like for like.
/// </summary>
internal static class EntityKey
{
    /// <summary>The key of an entity message.</summary>
    public static string Of(ReadOnlySpan<byte> message, IReadOnlyList<ProtoField> keyFields)
    {
        if (keyFields.Count == 1)
        {
            return Part(message, keyFields[0].Number);
        }

        var key = new StringBuilder();
        foreach (var field in keyFields)
        {
            key.Append(Part(message, field.Number)).Append('\u001F');
        }

        return key.ToString();
    }

    /// <summary>The key of a map entry (its field 1), for a lookup answering a map of entities.</summary>
    public static string OfMapEntry(ReadOnlySpan<byte> entry) => Part(entry, 1);

    private static string Part(ReadOnlySpan<byte> message, int number)
    {
        if (!WireScanner.TryFindLast(message, number, out var field))
        {
            return "";
        }

        return field.WireType == WireType.LengthDelimited
            ? "b" + Convert.ToHexString(message.Slice(field.Start, field.Length))
            : "n" + field.Scalar.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
