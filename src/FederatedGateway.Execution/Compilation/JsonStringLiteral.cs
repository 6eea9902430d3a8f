using System.Text.Json;

namespace FederatedGateway.Execution.Compilation;

/// <summary>
/// A string as a JSON string literal in UTF-8, quotes included, encoded piece by piece. <see cref="JsonEncodedText"/>
/// escapes a whole value into a scratch array rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/> six times its
/// length, and the shared pool keeps such arrays per core until they have aged for minutes: one subgraph operation of
/// 1.9 MB (a client's huge string literal, inlined) rented a 16 MB array, and 200 of them left 190 MB of pooled
/// arrays behind. Escaping is per character, so escaping pieces of <see cref="ChunkLength"/> characters (never cut
/// between the two halves of a surrogate pair) gives the same bytes with scratch arrays of at most 96 KB.
/// </summary>
internal static class JsonStringLiteral
{
    /// <summary>The characters escaped at once.</summary>
    public const int ChunkLength = 16 * 1024;

    public static byte[] Encode(string value)
    {
        var pieces = new List<byte[]>(value.Length / ChunkLength + 1);
        var length = 2;
        for (var start = 0; start < value.Length || pieces.Count == 0;)
        {
            var count = Math.Min(ChunkLength, value.Length - start);
            if (start + count < value.Length && char.IsHighSurrogate(value[start + count - 1]))
            {
                count--;
            }

            var piece = JsonEncodedText.Encode(value.AsSpan(start, count)).EncodedUtf8Bytes.ToArray();
            pieces.Add(piece);
            length += piece.Length;
            start += count;
        }

        var literal = GC.AllocateUninitializedArray<byte>(length);
        literal[0] = (byte)'"';
        var offset = 1;
        foreach (var piece in pieces)
        {
            piece.CopyTo(literal, offset);
            offset += piece.Length;
        }

        literal[offset] = (byte)'"';
        return literal;
    }
}
