using System.Threading.RateLimiting;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.AspNetCore.Traffic;

namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>A flood of made-up client names must not grow the limiter's memory without bound (Gateway:RateLimits:MaxPartitions).</summary>
/// <remarks>
/// Alone, not beside other test classes: the memory check reads the whole process's heap, and tests running in
/// parallel once added 3 MB to it (a full suite run on a clean clone).
/// </remarks>
[Collection(nameof(MemoryMeasurementCollection))]
public sealed class BoundedPartitionsTests
{
    private static BoundedPartitionedRateLimiter Limiter(int limit, int maxPartitions, TimeSpan? window = null, TimeSpan? idleLimit = null) => new(
        _ => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window ?? TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = false,
        }),
        maxPartitions,
        "overflow\n",
        idleLimit);

    [Fact]
    public void A_flood_of_distinct_clients_keeps_the_partition_count_and_memory_bounded()
    {
        using var limiter = Limiter(limit: 5, maxPartitions: 1000);
        for (var i = 0; i < 1000; i++)
        {
            limiter.AttemptAcquire("client-" + i).Dispose();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var full = GC.GetTotalMemory(forceFullCollection: true);
        var floodAccepted = 0;
        for (var i = 0; i < 200_000; i++)
        {
            using var lease = limiter.AttemptAcquire("flood-" + i);
            floodAccepted += lease.IsAcquired ? 1 : 0;
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);

        Assert.Equal(1000, limiter.PartitionCount);
        // 200,000 more partitions would be 50 MB or more (a limiter, its entry and its name each); bounded, the table
        // does not grow at all. The margin is for whatever else the process does meanwhile.
        Assert.InRange(after - full, long.MinValue, 8 * 1024 * 1024);
        // Beyond the cap the new names share one budget: never unlimited.
        Assert.Equal(5, floodAccepted);
    }

    [Fact]
    public void Known_clients_keep_their_own_budget_while_the_table_is_full()
    {
        using var limiter = Limiter(limit: 2, maxPartitions: 3);
        Assert.True(limiter.AttemptAcquire("desk").IsAcquired);
        for (var i = 0; i < 10; i++)
        {
            limiter.AttemptAcquire("flood-" + i).Dispose();
        }

        Assert.True(limiter.AttemptAcquire("desk").IsAcquired);
        Assert.False(limiter.AttemptAcquire("desk").IsAcquired);
        Assert.Equal(3, limiter.PartitionCount);
    }

    [Fact]
    public async Task Partitions_whose_window_has_passed_are_forgotten_and_their_places_reused()
    {
        using var limiter = Limiter(limit: 1, maxPartitions: 2, window: TimeSpan.FromMilliseconds(300), idleLimit: TimeSpan.FromMilliseconds(200));
        Assert.True(limiter.AttemptAcquire("first").IsAcquired);
        Assert.True(limiter.AttemptAcquire("second").IsAcquired);
        Assert.True(limiter.AttemptAcquire("third").IsAcquired); // the overflow budget
        Assert.False(limiter.AttemptAcquire("fourth").IsAcquired);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (limiter.PartitionCount > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, limiter.PartitionCount);
        Assert.True(limiter.AttemptAcquire("fourth").IsAcquired);
        Assert.Equal(1, limiter.PartitionCount);
    }

    [Fact]
    public async Task Through_the_gateway_new_client_names_beyond_MaxPartitions_share_one_budget()
    {
        await using var gateway = await CountingGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:MaxPartitions"] = "4",
            ["Gateway:RateLimits:Policies:0:Name"] = "per-client",
            ["Gateway:RateLimits:Policies:0:ClientKey:0"] = "client-name",
            ["Gateway:RateLimits:Policies:0:Limit"] = "3",
            ["Gateway:RateLimits:Policies:0:Window"] = "00:01:00",
        });

        var statuses = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await gateway.PostAsync("{ hello }", ("apollographql-client-name", "made-up-" + i))).Status);
        }

        // Four names get their own partitions; the sixteen after them share the overflow budget of three.
        Assert.Equal(4 + 3, statuses.Count(s => s == 200));
        Assert.Equal(20 - 7, statuses.Count(s => s == 429));
    }
}
