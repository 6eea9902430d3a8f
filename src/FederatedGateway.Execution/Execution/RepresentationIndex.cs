using System.IO.Hashing;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Finds repeated representations while an entity batch writes them one after another into its buffer: each is a
/// (start, length) slice of that buffer, hashed and compared by its bytes. One per thread (building a batch's
/// representations is synchronous), so a batch allocates no dictionary; it keeps its capacity between batches up to
/// <see cref="MaxKeptCapacity"/> entries.
/// </summary>
internal sealed class RepresentationIndex : IEqualityComparer<(int Start, int Length)>
{
    private const int MaxKeptCapacity = 4096;

    [ThreadStatic]
    private static RepresentationIndex? t_index;

    private readonly Dictionary<(int Start, int Length), int> _positions;
    private PooledBufferWriter? _buffer;

    private RepresentationIndex()
    {
        _positions = new Dictionary<(int Start, int Length), int>(this);
    }

    /// <summary>The thread's index, set to compare slices of <paramref name="buffer"/>; call <see cref="End"/> when done.</summary>
    public static RepresentationIndex Begin(PooledBufferWriter buffer)
    {
        var index = t_index ??= new RepresentationIndex();
        index._buffer = buffer;
        return index;
    }

    /// <summary>The number of the representation with the same bytes as <paramref name="slice"/>, if one was added.</summary>
    public bool TryFind((int Start, int Length) slice, out int representation) => _positions.TryGetValue(slice, out representation);

    public void Add((int Start, int Length) slice, int representation) => _positions.Add(slice, representation);

    /// <summary>Forgets the batch (and its buffer).</summary>
    public void End()
    {
        _buffer = null;
        if (_positions.Count > MaxKeptCapacity)
        {
            _positions.Clear();
            _positions.TrimExcess(MaxKeptCapacity);
        }
        else
        {
            _positions.Clear();
        }
    }

    public bool Equals((int Start, int Length) x, (int Start, int Length) y) =>
        x.Length == y.Length && Slice(x).SequenceEqual(Slice(y));

    public int GetHashCode((int Start, int Length) obj) => (int)XxHash3.HashToUInt64(Slice(obj));

    private ReadOnlySpan<byte> Slice((int Start, int Length) slice) => _buffer!.WrittenSpan.Slice(slice.Start, slice.Length);
}
