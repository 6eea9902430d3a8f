using System.Buffers;

namespace FederatedGateway.Execution.Transport;

/// <summary>Reads a whole stream into an <see cref="ArrayPool{T}.Shared"/> buffer, growing it as needed.</summary>
internal static class PooledBodyReader
{
    private const int DefaultInitialSize = 16 * 1024;

    /// <summary>
    /// Reads <paramref name="stream"/> to its end. Returns the rented buffer and the byte count, or
    /// <c>(null, -1)</c> when the body is longer than <paramref name="maxLength"/> (nothing stays rented then).
    /// On an exception nothing stays rented either.
    /// </summary>
    public static async ValueTask<(byte[]? Buffer, int Length)> ReadAsync(
        Stream stream, long? lengthHint, int maxLength, CancellationToken cancellationToken)
    {
        // One byte more than allowed, so that "exactly maxLength" and "too long" can be told apart.
        var cap = (int)Math.Min((long)maxLength + 1, Array.MaxLength);
        var initial = lengthHint is >= 0 ? (int)Math.Min(lengthHint.Value + 1, cap) : Math.Min(DefaultInitialSize, cap);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= cap)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return (null, -1);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (length > maxLength)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, -1);
        }

        return (buffer, length);
    }
}
