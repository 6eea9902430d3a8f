using System.Buffers;
using FederatedGateway.Execution.Execution;

namespace FederatedGateway.Execution.Transport;

/// <summary>Reads a whole stream into a <see cref="PooledArrays"/> buffer, growing it as needed.</summary>
public static class PooledBodyReader
{
    private const int DefaultInitialSize = 16 * 1024;

    /// <summary>The size of the pooled array large bodies are read through.</summary>
    public const int StagingSize = 64 * 1024;

    /// <summary>
    /// Reads <paramref name="stream"/> to its end. Returns the buffer and the byte count, or <c>(null, -1)</c> when the
    /// body is longer than <paramref name="maxLength"/> (nothing stays rented then, and the rest is not read).
    /// On an exception nothing stays rented either.
    /// </summary>
    /// <remarks>
    /// A buffer too large to be pooled is not handed to the stream: the reads go through a pooled staging array and are
    /// copied. A kept-alive connection's socket holds on to the memory of its last read until its next one, so reading
    /// straight into a 70 MB buffer left each pooled connection keeping its last answer alive for minutes.
    /// </remarks>
    public static async ValueTask<(byte[]? Buffer, int Length)> ReadAsync(
        Stream stream, long? lengthHint, int maxLength, CancellationToken cancellationToken)
    {
        // One byte more than allowed, so that "exactly maxLength" and "too long" can be told apart.
        var cap = (int)Math.Min((long)maxLength + 1, Array.MaxLength);
        var initial = lengthHint is >= 0 ? (int)Math.Min(lengthHint.Value + 1, cap) : Math.Min(DefaultInitialSize, cap);
        var buffer = PooledArrays.Rent(Math.Max(initial, 1));
        byte[]? staging = null;
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= cap)
                    {
                        PooledArrays.Return(buffer);
                        return (null, -1);
                    }

                    var larger = PooledArrays.Rent((int)Math.Min((long)buffer.Length * 2, cap));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    PooledArrays.Return(buffer);
                    buffer = larger;
                }

                int read;
                if (buffer.Length <= PooledArrays.MaxPooledLength)
                {
                    read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    staging ??= ArrayPool<byte>.Shared.Rent(StagingSize);
                    read = await stream.ReadAsync(staging.AsMemory(0, Math.Min(staging.Length, buffer.Length - length)), cancellationToken).ConfigureAwait(false);
                    staging.AsSpan(0, read).CopyTo(buffer.AsSpan(length));
                }

                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            PooledArrays.Return(buffer);
            throw;
        }
        finally
        {
            if (staging is not null)
            {
                ArrayPool<byte>.Shared.Return(staging);
            }
        }

        if (length > maxLength)
        {
            PooledArrays.Return(buffer);
            return (null, -1);
        }

        return (buffer, length);
    }
}
