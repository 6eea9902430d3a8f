using System.Threading.RateLimiting;

namespace FederatedGateway.AspNetCore.Traffic;

/// <summary>
/// A limiter per partition (client, operation, …) with at most <c>maxPartitions</c> of them alive, so a flood of
/// made-up client names cannot grow memory (System.Threading.RateLimiting's own partitioned limiter keeps every
/// partition until its window has passed, unbounded). One timer replenishes every partition and forgets those that
/// have been idle (fully replenished, or for Redis partitions, unused) for <see cref="DefaultIdleLimit"/>: nothing is lost. While the table is full, a new key counts against
/// one shared overflow partition with the same limit: never unlimited, and no known client's count is forgotten.
/// </summary>
internal sealed class BoundedPartitionedRateLimiter : PartitionedRateLimiter<string>
{
    /// <summary>How long a fully replenished partition is kept before it is forgotten.</summary>
    public static readonly TimeSpan DefaultIdleLimit = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromMilliseconds(100);

    private readonly Func<string, RateLimiter> _create;
    private readonly int _maxPartitions;
    private readonly string _overflowKey;
    private readonly TimeSpan _idleLimit;
    private readonly Dictionary<string, RateLimiter> _partitions = new(StringComparer.Ordinal);
    private readonly List<string> _forgotten = [];
    private readonly Lock _lock = new();
    private readonly Timer _heartbeat;
    private RateLimiter? _overflow;
    private bool _disposed;

    /// <param name="overflowKey">The key the overflow partition is created with (it must not be a key a request can have).</param>
    /// <param name="idleLimit">How long an idle partition is kept; <see cref="DefaultIdleLimit"/> when null.</param>
    public BoundedPartitionedRateLimiter(Func<string, RateLimiter> create, int maxPartitions, string overflowKey, TimeSpan? idleLimit = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPartitions, 1);
        _create = create;
        _maxPartitions = maxPartitions;
        _overflowKey = overflowKey;
        _idleLimit = idleLimit ?? DefaultIdleLimit;
        _heartbeat = new Timer(static state => ((BoundedPartitionedRateLimiter)state!).Heartbeat(), this, HeartbeatPeriod, HeartbeatPeriod);
    }

    /// <summary>Partitions alive now (the overflow partition not counted).</summary>
    public int PartitionCount
    {
        get
        {
            lock (_lock)
            {
                return _partitions.Count;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics(string resource) => Partition(resource).GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount) => Partition(resource).AttemptAcquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken) =>
        Partition(resource).AcquireAsync(permitCount, cancellationToken);

    private RateLimiter Partition(string key)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_partitions.TryGetValue(key, out var limiter))
            {
                return limiter;
            }

            if (_partitions.Count < _maxPartitions)
            {
                limiter = _create(key);
                _partitions.Add(key, limiter);
                return limiter;
            }

            return _overflow ??= _create(_overflowKey);
        }
    }

    private void Heartbeat()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            foreach (var (key, limiter) in _partitions)
            {
                if (limiter is ReplenishingRateLimiter { IsAutoReplenishing: false } replenishing)
                {
                    replenishing.TryReplenish();
                }

                if (limiter.IdleDuration is { } idle && idle > _idleLimit)
                {
                    _forgotten.Add(key);
                }
            }

            if (_overflow is ReplenishingRateLimiter { IsAutoReplenishing: false } overflow)
            {
                overflow.TryReplenish();
            }

            foreach (var key in _forgotten)
            {
                _partitions.Remove(key, out var limiter);
                limiter?.Dispose();
            }

            _forgotten.Clear();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _heartbeat.Dispose();
            lock (_lock)
            {
                _disposed = true;
                foreach (var limiter in _partitions.Values)
                {
                    limiter.Dispose();
                }

                _partitions.Clear();
                _overflow?.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
