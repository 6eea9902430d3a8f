namespace FederatedGateway.AspNetCore.Memory;

/// <summary>
/// Decides, from periodic samples of the resident set size and of the bytes allocated since the previous sample,
/// when an idle process should give memory back: when it allocates next to nothing (no traffic to speak of) and holds
/// more than twice, and at least <see cref="MinimumExcess"/> more than, the least it ever held (the reference; see
/// <see cref="Start"/>). A reclaim that leaves the process still that far above (memory still in use, such as answers
/// stuck on clients that do not read, or caches filled on purpose) holds the next one back for
/// <see cref="FirstBackoff"/> samples, doubling each time up to <see cref="MaxBackoff"/>, so an idle process holding
/// memory for good is not collected over and over. A reclaim that still freed at least <see cref="MinimumExcess"/>
/// is no sign of memory held for good (pools let go of buffers only once they have aged), so the wait after it does
/// not grow.
/// </summary>
internal sealed class MemoryReclaimPolicy
{
    /// <summary>Allocations below this many bytes between two samples count as idle.</summary>
    public const long IdleAllocationBudget = 16L * 1024 * 1024;

    /// <summary>The smallest excess over the reference worth a full blocking collection.</summary>
    public const long MinimumExcess = 64L * 1024 * 1024;

    /// <summary>Samples skipped after a reclaim that did not bring the process down (30 s at one sample per 5 s).</summary>
    public const int FirstBackoff = 6;

    /// <summary>The longest wait between two reclaims that do not help (30 min at one sample per 5 s).</summary>
    public const int MaxBackoff = 360;

    private long _reference = long.MaxValue;
    private int _backoff = FirstBackoff;
    private int _skip;

    /// <summary>The resident size the process is compared with; 0 before the first sample.</summary>
    public long Reference => _reference == long.MaxValue ? 0 : _reference;

    /// <summary>The first sample, taken as the host starts (before any traffic): the first reference.</summary>
    public void Start(long residentBytes) => _reference = residentBytes;

    /// <summary>Takes one sample; true when memory should be reclaimed now.</summary>
    /// <param name="residentBytes">The process's resident set size.</param>
    /// <param name="allocatedBytes">Bytes allocated since the previous sample.</param>
    public bool ShouldReclaim(long residentBytes, long allocatedBytes)
    {
        if (residentBytes < _reference)
        {
            _reference = residentBytes;
        }

        if (_skip > 0)
        {
            _skip--;
            return false;
        }

        return allocatedBytes < IdleAllocationBudget && IsFarAbove(residentBytes);
    }

    /// <summary>Records what a reclaim freed: what the process held before it and holds after it.</summary>
    public void Reclaimed(long residentBefore, long residentBytes)
    {
        if (IsFarAbove(residentBytes))
        {
            _skip = _backoff;
            var freedMuch = residentBefore - residentBytes >= MinimumExcess;
            _backoff = freedMuch ? FirstBackoff : Math.Min(_backoff * 2, MaxBackoff);
        }
        else
        {
            _backoff = FirstBackoff;
        }
    }

    private bool IsFarAbove(long residentBytes)
    {
        var excess = residentBytes - Reference;
        return excess >= MinimumExcess && excess > Reference;
    }
}
