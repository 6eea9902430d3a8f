using System.Collections.Concurrent;

namespace FederatedGateway.Execution.Usage;

/// <summary>
/// Counts requests per operation and client in memory, in intervals that <see cref="Drain"/> closes. Recording is
/// lock-free; an interval holds at most <c>maxKeys</c> distinct keys (clients choose their names and documents), and
/// what comes after lands on one overflow key per interval, so memory stays bounded and no request goes uncounted.
/// </summary>
public sealed class UsageRecorder
{
    private readonly int _maxKeys;
    private readonly TimeProvider _time;
    private Interval _current;

    public UsageRecorder(int maxKeys = 10_000, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        _maxKeys = maxKeys;
        _time = time ?? TimeProvider.System;
        _current = new Interval(_time.GetUtcNow());
    }

    public void Record(OperationUsageProfile profile, string? clientName, string? clientVersion, double milliseconds, bool failed)
    {
        var key = new UsageKey(profile.DocumentHash, profile.OperationName ?? "", clientName ?? "", clientVersion ?? "");
        while (true)
        {
            var interval = Volatile.Read(ref _current);
            Interlocked.Increment(ref interval.Writers);
            try
            {
                // Closed between the read and the increment: its drain may already have read it, so count in the next one.
                if (Volatile.Read(ref interval.Closed) != 0)
                {
                    continue;
                }

                CountsFor(interval, key, profile).Add(milliseconds, failed);
                return;
            }
            finally
            {
                Interlocked.Decrement(ref interval.Writers);
            }
        }
    }

    /// <summary>Closes the current interval and returns what it counted; recording goes on in a new one.</summary>
    public UsageBatch Drain()
    {
        var next = new Interval(_time.GetUtcNow());
        var closed = Interlocked.Exchange(ref _current, next);
        Interlocked.Exchange(ref closed.Closed, 1);
        var wait = new SpinWait();
        while (Volatile.Read(ref closed.Writers) != 0)
        {
            wait.SpinOnce();
        }

        return new UsageBatch(closed.Start, next.Start, closed.Counts);
    }

    private UsageCounts CountsFor(Interval interval, UsageKey key, OperationUsageProfile profile)
    {
        if (interval.Counts.TryGetValue(key, out var counts))
        {
            return counts;
        }

        if (Interlocked.Increment(ref interval.Keys) > _maxKeys)
        {
            Interlocked.Decrement(ref interval.Keys);
            var overflow = new UsageKey(UsageKey.OverflowHash, "", "", "");
            return interval.Counts.GetOrAdd(overflow, static _ => new UsageCounts(null));
        }

        var added = new UsageCounts(profile);
        var stored = interval.Counts.GetOrAdd(key, added);
        if (!ReferenceEquals(stored, added))
        {
            Interlocked.Decrement(ref interval.Keys);
        }

        return stored;
    }

    private sealed class Interval(DateTimeOffset start)
    {
        public readonly DateTimeOffset Start = start;
        public readonly ConcurrentDictionary<UsageKey, UsageCounts> Counts = new();
        public int Writers;
        public int Closed;
        public int Keys;
    }
}
