namespace FederatedGateway.AspNetCore.Memory;

/// <summary>
/// Decides, from periodic samples of the resident set size and of the bytes allocated since the previous sample,
/// when an idle process should give memory back: when it allocates next to nothing (no traffic to speak of) and holds
/// more than twice, and at least <see cref="MinimumExcess"/> more than, the least it ever held (the reference; see
/// <see cref="Start"/>). After a reclaim the reference is at least what the process still holds, so memory that stays
/// (caches filled on purpose) is not collected again until it doubles once more.
/// </summary>
internal sealed class MemoryReclaimPolicy
{
    /// <summary>Allocations below this many bytes between two samples count as idle.</summary>
    public const long IdleAllocationBudget = 16L * 1024 * 1024;

    /// <summary>The smallest excess over the reference worth a full blocking collection.</summary>
    public const long MinimumExcess = 64L * 1024 * 1024;

    private long _reference = long.MaxValue;

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
            return false;
        }

        if (allocatedBytes >= IdleAllocationBudget)
        {
            return false;
        }

        var excess = residentBytes - _reference;
        return excess >= MinimumExcess && excess > _reference;
    }

    /// <summary>Records what the process holds after a reclaim.</summary>
    public void Reclaimed(long residentBytes) => _reference = Math.Max(Reference, residentBytes);
}
