using System.Collections.Concurrent;

namespace FederatedGateway.Execution.Transport;

/// <summary>
/// Reusable cancellation sources for the per-fetch timeout (and a shared fetch's abandonment). A new linked source per fetch cost its own object, its
/// callback list, a callback node and a timer: together 7% of what the gateway allocated on the varied-traffic
/// benchmark (four fetches per request). A source comes back only when it was not cancelled
/// (<see cref="CancellationTokenSource.TryReset"/>), so a reused token never starts out cancelled.
/// </summary>
internal sealed class TimeoutSourcePool
{
    /// <summary>The pool the HTTP subgraph clients share.</summary>
    public static readonly TimeoutSourcePool Shared = new();

    /// <summary>Sources kept for reuse; more concurrent fetches than this make new ones.</summary>
    private const int Capacity = 256;

    private readonly ConcurrentQueue<CancellationTokenSource> _sources = new();
    private int _count;

    /// <summary>A source that cancels after <paramref name="timeout"/> (infinite: never by itself).</summary>
    public CancellationTokenSource Rent(TimeSpan timeout)
    {
        if (_sources.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref _count);
        }
        else
        {
            source = new CancellationTokenSource();
        }

        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>
    /// Takes the source back once nothing uses its token any more (every registration on it disposed): kept when its
    /// timer can be reset, disposed when it was cancelled or the pool is full.
    /// </summary>
    public void Return(CancellationTokenSource source)
    {
        // TryReset also drops any registration still on the token.
        if (source.TryReset())
        {
            if (Interlocked.Increment(ref _count) <= Capacity)
            {
                _sources.Enqueue(source);
                return;
            }

            Interlocked.Decrement(ref _count);
        }

        source.Dispose();
    }
}
