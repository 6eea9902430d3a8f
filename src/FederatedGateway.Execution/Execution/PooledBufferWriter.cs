using System.Buffers;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="PooledArrays"/>: a response body of
/// 100 KB is written without a fresh large-object-heap array per request (each one would invite a gen2 collection).
/// <see cref="Dispose"/> returns the array; the written memory must not be used after that. The first array is rented
/// when the first byte is written, not when the writer is made: a request makes its response's writer before it runs
/// its fetches, and 50 requests in flight each holding an empty 128 KB array they would fill only at the end kept
/// about 6 MB of large arrays in the pool.
/// </summary>
public sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumGrowth = 256;

    private readonly int _initialCapacity;
    private byte[] _buffer = [];
    private int _written;
    private bool _disposed;

    public PooledBufferWriter(int initialCapacity)
    {
        _initialCapacity = Math.Max(initialCapacity, MinimumGrowth);
    }

    public int WrittenCount => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>Forgets what was written after the first <paramref name="count"/> bytes.</summary>
    public void ResetTo(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _written);
        _written = count;
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > _buffer.Length)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Hands the rented array and what was written over to the caller (who returns it to <see cref="PooledArrays"/>); the writer is left empty.</summary>
    public (byte[] Array, int Length) Detach()
    {
        var detached = (Interlocked.Exchange(ref _buffer, []), _written);
        _written = 0;
        _disposed = true;
        return detached;
    }

    /// <summary>Returns the array; safe to call more than once, from any thread (the array goes back once).</summary>
    public void Dispose()
    {
        _disposed = true;
        var buffer = Interlocked.Exchange(ref _buffer, []);
        _written = 0;
        if (buffer is { Length: > 0 })
        {
            PooledArrays.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var size = _buffer.Length == 0
            ? Math.Max(_initialCapacity, needed)
            : (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)_written + Math.Max(needed, MinimumGrowth)));
        var larger = PooledArrays.Rent(size);
        _buffer.AsSpan(0, _written).CopyTo(larger);
        if (_buffer.Length > 0)
        {
            PooledArrays.Return(_buffer);
        }

        _buffer = larger;
    }
}
