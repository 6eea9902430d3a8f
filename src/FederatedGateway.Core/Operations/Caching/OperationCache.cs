using System.Collections.Concurrent;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// The prepared-operation cache: bounded by estimated bytes and by entry count, least recently used evicted first.
/// A hit is one lock-free dictionary lookup and a counter increment, with no allocation. When a commit puts the
/// cache over a bound, the least recently used entries are removed under a lock until it is under 90% of both
/// (one sort per eviction round rather than per insert).
/// Only successes are committed: a failed or cancelled preparation is removed, so the next request retries.
/// <para>
/// Not Microsoft.Extensions.Caching.Memory's MemoryCache: its keys are objects (the (query, operation name) key
/// would be boxed on every lookup of the hot path), it has one size unit (bytes or entries, not both), an entry
/// that does not fit is dropped while compaction runs later on the thread pool, and it has no way for concurrent
/// requests to share one preparation.
/// </para>
/// </summary>
internal sealed class OperationCache
{
    private readonly ConcurrentDictionary<OperationKey, OperationCacheEntry> _entries = new();
    private readonly object _sizeLock = new();
    private readonly long _maxBytes;
    private readonly int _maxEntries;
    private long _clock;
    private long _bytes;
    private int _count;

    public OperationCache(OperationCacheOptions options)
    {
        _maxBytes = options.MaxBytes <= 0 ? long.MaxValue : options.MaxBytes;
        _maxEntries = options.MaxEntries <= 0 ? int.MaxValue : options.MaxEntries;
    }

    public int Count => Volatile.Read(ref _count);

    public long EstimatedBytes => Interlocked.Read(ref _bytes);

    public bool Contains(OperationKey key) => _entries.ContainsKey(key);

    public bool TryGet(OperationKey key, out OperationCacheEntry entry)
    {
        if (_entries.TryGetValue(key, out entry!))
        {
            entry.Touch(Interlocked.Increment(ref _clock));
            return true;
        }

        return false;
    }

    /// <summary>Adds an entry in preparation; false when another request added one first.</summary>
    public bool TryAdd(OperationKey key, out OperationCacheEntry entry)
    {
        entry = new OperationCacheEntry(Interlocked.Increment(ref _clock));
        if (!_entries.TryAdd(key, entry))
        {
            return false;
        }

        Interlocked.Increment(ref _count);
        return true;
    }

    /// <summary>Keeps a prepared entry, with its estimated size, and evicts if a bound is passed.</summary>
    public void Commit(OperationKey key, OperationCacheEntry entry, long bytes)
    {
        lock (_sizeLock)
        {
            // An eviction may have removed the entry while it was prepared: then it is not kept.
            if (!_entries.TryGetValue(key, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            entry.Bytes = bytes;
            _bytes += bytes;
            if (_bytes > _maxBytes || Count > _maxEntries)
            {
                EvictLeastRecentlyUsed();
            }
        }
    }

    /// <summary>Forgets an entry (a failed or cancelled preparation); another request's entry under the same key stays.</summary>
    public void Remove(OperationKey key, OperationCacheEntry entry)
    {
        lock (_sizeLock)
        {
            RemoveLocked(key, entry);
        }
    }

    private void EvictLeastRecentlyUsed()
    {
        var targetBytes = _maxBytes == long.MaxValue ? long.MaxValue : _maxBytes - (_maxBytes / 10);
        var targetCount = _maxEntries == int.MaxValue ? int.MaxValue : _maxEntries - Math.Max(1, _maxEntries / 10);
        var entries = _entries.ToArray();
        Array.Sort(entries, static (x, y) => x.Value.LastUsed.CompareTo(y.Value.LastUsed));
        foreach (var (key, entry) in entries)
        {
            if (_bytes <= targetBytes && Count <= targetCount)
            {
                break;
            }

            RemoveLocked(key, entry);
        }
    }

    private void RemoveLocked(OperationKey key, OperationCacheEntry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<OperationKey, OperationCacheEntry>(key, entry)))
        {
            _bytes -= entry.Bytes;
            Interlocked.Decrement(ref _count);
        }
    }
}
