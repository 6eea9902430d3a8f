using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FederatedGateway.AspNetCore.Traffic;

/// <summary>
/// A shared (Redis) limiter that falls back to a local one when Redis is slow or unreachable: the request is then
/// counted against this replica's own budget, never let through unlimited and never failed. Each fallback is counted
/// in the <c>fgw.rate_limit.fallbacks</c> metric and logged (at most once per 30 s). After a failure Redis is left
/// alone for <see cref="RetryRedisAfter"/>, and while the connection is down (StackExchange.Redis reconnects in the
/// background), so requests never each wait for a Redis that is not there.
/// </summary>
internal sealed class FallbackRateLimiter : PartitionedRateLimiter<string>
{
    private static readonly Meter Meter = new("FederatedGateway.Traffic");
    private static readonly Counter<long> Fallbacks = Meter.CreateCounter<long>("fgw.rate_limit.fallbacks", description: "Rate limit decisions made locally because Redis failed");
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(30);

    /// <summary>How long the local limit decides alone after Redis failed.</summary>
    public static readonly TimeSpan RetryRedisAfter = TimeSpan.FromSeconds(5);

    private readonly PartitionedRateLimiter<string> _shared;
    private readonly PartitionedRateLimiter<string> _local;
    private readonly TimeSpan _timeout;
    private readonly string _name;
    private readonly ILogger _logger;
    private long _lastLog;
    private long _redisFailedAt; // Environment.TickCount64 of the last failure; 0: none

    private readonly IConnectionMultiplexer _redis;

    public FallbackRateLimiter(
        string name, IConnectionMultiplexer redis, PartitionedRateLimiter<string> shared, PartitionedRateLimiter<string> local, TimeSpan timeout, ILogger logger)
    {
        _redis = redis;
        _name = name;
        _shared = shared;
        _local = local;
        _timeout = timeout;
        _logger = logger;
    }

    public override RateLimiterStatistics? GetStatistics(string resource) => _local.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount) => _local.AttemptAcquire(resource, permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken)
    {
        var failedAt = Interlocked.Read(ref _redisFailedAt);
        if (!_redis.IsConnected)
        {
            Fallbacks.Add(1, new KeyValuePair<string, object?>("limit", _name));
            if (ShouldLog(Environment.TickCount64))
            {
                TrafficLog.RedisDisconnected(_logger, _name);
            }

            return _local.AttemptAcquire(resource, permitCount);
        }

        if (failedAt != 0 && Environment.TickCount64 - failedAt < RetryRedisAfter.TotalMilliseconds)
        {
            Fallbacks.Add(1, new KeyValuePair<string, object?>("limit", _name));
            return _local.AttemptAcquire(resource, permitCount);
        }

        try
        {
            return await _shared.AcquireAsync(resource, permitCount, cancellationToken).AsTask().WaitAsync(_timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            Fallbacks.Add(1, new KeyValuePair<string, object?>("limit", _name));
            var now = Environment.TickCount64;
            Interlocked.Exchange(ref _redisFailedAt, now);
            if (ShouldLog(now))
            {
                TrafficLog.RedisFallback(_logger, _name, ex);
            }

            return _local.AttemptAcquire(resource, permitCount);
        }
    }

    /// <summary>True for at most one caller per <see cref="LogInterval"/>.</summary>
    private bool ShouldLog(long now)
    {
        var last = Interlocked.Read(ref _lastLog);
        return (last == 0 || now - last >= LogInterval.TotalMilliseconds) && Interlocked.CompareExchange(ref _lastLog, now, last) == last;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _shared.Dispose();
            _local.Dispose();
        }

        base.Dispose(disposing);
    }
}
