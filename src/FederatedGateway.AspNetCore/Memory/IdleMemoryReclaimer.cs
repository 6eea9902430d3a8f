using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Memory;

/// <summary>
/// Gives memory back after a spike once the gateway is idle: every few seconds it samples the resident set size and
/// the allocations since the last sample, and when <see cref="MemoryReclaimPolicy"/> says so, runs one aggressive,
/// compacting full collection (which also returns the freed heap to the operating system). An idle process never
/// collects on its own, so without this the memory of a few huge answers stayed resident for good. Under traffic
/// it never runs (the allocations are over the idle budget), so the request path pays nothing.
/// <para>
/// One reclaim is two collections with the finalizers run in between: <c>ArrayPool&lt;T&gt;.Shared</c> drops the arrays
/// it keeps from a finalizer-driven callback of a full collection, so the first collection lets the pool let go of its
/// buffers and only the second frees them. The pool keeps recently used arrays, so large buffers rented during a spike
/// (the 2 MB ones System.Text.Json rents to read a 1.9 MB document) are given back by a reclaim a minute or so after
/// the spike; <see cref="MemoryReclaimPolicy"/> retries every 30 s while reclaims keep freeing memory.
/// </para>
/// </summary>
internal sealed class IdleMemoryReclaimer : BackgroundService
{
    /// <summary>The time between two samples.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly MemoryReclaimPolicy _policy = new();
    private readonly bool _enabled;
    private readonly ILogger _logger;

    public IdleMemoryReclaimer(IOptions<GatewayOptions> options, ILogger<IdleMemoryReclaimer> logger)
    {
        _enabled = options.Value.ReclaimMemoryWhenIdle;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_enabled)
        {
            return;
        }

        _policy.Start(Environment.WorkingSet);
        using var timer = new PeriodicTimer(Interval);
        var allocated = GC.GetTotalAllocatedBytes();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = GC.GetTotalAllocatedBytes();
                var resident = Environment.WorkingSet;
                if (_policy.ShouldReclaim(resident, now - allocated))
                {
                    Reclaim(resident);
                }

                allocated = GC.GetTotalAllocatedBytes();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private void Reclaim(long before)
    {
        var clock = Stopwatch.StartNew();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = Environment.WorkingSet;
        _policy.Reclaimed(before, after);
        MemoryLog.Reclaimed(_logger, before / (1024 * 1024), after / (1024 * 1024), clock.ElapsedMilliseconds);
    }
}
