using System.Buffers;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Byte arrays for bodies and answers: up to <see cref="MaxPooledLength"/> they come from and go back to
/// <see cref="ArrayPool{T}.Shared"/>; larger ones are plain allocations left to the GC. The shared pool keeps what it
/// is given per size and core until a gen2 collection trims it (one array per bucket per minute unless memory is short),
/// so a few answers of 60 MB left it holding over a gigabyte for good; requests of ordinary size never need more
/// than a few 128 KB arrays, and those are still pooled.
/// </summary>
public static class PooledArrays
{
    /// <summary>The largest array that is pooled (a power of two, so that every rented array of at most this size is one).</summary>
    public const int MaxPooledLength = 1024 * 1024;

    /// <summary>An array of at least <paramref name="minimumLength"/> bytes (exactly that many when it is not pooled).</summary>
    public static byte[] Rent(int minimumLength) =>
        minimumLength <= MaxPooledLength ? ArrayPool<byte>.Shared.Rent(minimumLength) : GC.AllocateUninitializedArray<byte>(minimumLength);

    /// <summary>
    /// Gives back an array from <see cref="Rent"/> (or from <see cref="ArrayPool{T}.Shared"/>): pooled when small enough,
    /// otherwise dropped.
    /// </summary>
    public static void Return(byte[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Length is > 0 and <= MaxPooledLength)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
