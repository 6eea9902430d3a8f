using FederatedGateway.AspNetCore.Memory;

namespace FederatedGateway.AspNetCore.Tests.Memory;

/// <summary>When an idle gateway gives memory back: only after a spike, only when idle, and not over and over for memory that stays.</summary>
public sealed class MemoryReclaimPolicyTests
{
    private const long MB = 1024 * 1024;
    private const long Idle = 0;
    private const long Busy = MemoryReclaimPolicy.IdleAllocationBudget;

    private static MemoryReclaimPolicy StartedAt(long residentBytes)
    {
        var policy = new MemoryReclaimPolicy();
        policy.Start(residentBytes);
        return policy;
    }

    [Fact]
    public void An_idle_process_far_above_its_start_reclaims()
    {
        var policy = StartedAt(80 * MB);

        Assert.True(policy.ShouldReclaim(1200 * MB, Idle));
    }

    [Fact]
    public void A_busy_process_never_reclaims_however_large()
    {
        var policy = StartedAt(80 * MB);

        Assert.False(policy.ShouldReclaim(1200 * MB, Busy));
        Assert.False(policy.ShouldReclaim(1200 * MB, Busy * 10));
    }

    [Theory]
    [InlineData(150)]
    [InlineData(160)]
    public void Growth_up_to_twice_the_reference_is_left_alone(long residentMB)
    {
        var policy = StartedAt(80 * MB);

        Assert.False(policy.ShouldReclaim(residentMB * MB, Idle));
    }

    [Fact]
    public void A_small_process_needs_a_minimum_excess_before_a_full_collection()
    {
        var policy = StartedAt(20 * MB);

        Assert.False(policy.ShouldReclaim(60 * MB, Idle));
        Assert.True(policy.ShouldReclaim(20 * MB + MemoryReclaimPolicy.MinimumExcess, Idle));
    }

    [Fact]
    public void A_reclaim_that_brings_the_process_down_leaves_the_next_spike_free_to_be_reclaimed()
    {
        var policy = StartedAt(80 * MB);
        Assert.True(policy.ShouldReclaim(1200 * MB, Idle));

        policy.Reclaimed(1200 * MB, 100 * MB);

        Assert.False(policy.ShouldReclaim(100 * MB, Idle));
        Assert.True(policy.ShouldReclaim(900 * MB, Idle));
    }

    [Fact]
    public void Memory_that_stays_after_a_reclaim_is_tried_again_only_after_a_growing_wait()
    {
        var policy = StartedAt(80 * MB);

        var waits = new List<int>();
        for (var reclaim = 0; reclaim < 4; reclaim++)
        {
            var samples = 0;
            while (!policy.ShouldReclaim(400 * MB, Idle))
            {
                samples++;
            }

            waits.Add(samples);
            policy.Reclaimed(400 * MB, 400 * MB);
        }

        Assert.Equal([0, MemoryReclaimPolicy.FirstBackoff, 2 * MemoryReclaimPolicy.FirstBackoff, 4 * MemoryReclaimPolicy.FirstBackoff], waits);
    }

    [Fact]
    public void A_reclaim_that_frees_much_but_not_enough_is_tried_again_after_the_first_wait()
    {
        var policy = StartedAt(80 * MB);

        var waits = new List<int>();
        var resident = 1200 * MB;
        for (var reclaim = 0; reclaim < 3; reclaim++)
        {
            var samples = 0;
            while (!policy.ShouldReclaim(resident, Idle))
            {
                samples++;
            }

            waits.Add(samples);
            policy.Reclaimed(resident, resident - MemoryReclaimPolicy.MinimumExcess);
            resident -= MemoryReclaimPolicy.MinimumExcess;
        }

        Assert.Equal([0, MemoryReclaimPolicy.FirstBackoff, MemoryReclaimPolicy.FirstBackoff], waits);
    }

    [Fact]
    public void The_wait_never_exceeds_the_maximum_backoff()
    {
        var policy = StartedAt(80 * MB);
        for (var reclaim = 0; reclaim < 20; reclaim++)
        {
            policy.Reclaimed(400 * MB, 400 * MB);
        }

        var samples = 0;
        while (!policy.ShouldReclaim(400 * MB, Idle))
        {
            samples++;
        }

        Assert.Equal(MemoryReclaimPolicy.MaxBackoff, samples);
    }

    [Fact]
    public void The_reference_follows_the_least_the_process_held()
    {
        var policy = StartedAt(300 * MB);

        Assert.False(policy.ShouldReclaim(100 * MB, Busy));

        Assert.Equal(100 * MB, policy.Reference);
        Assert.True(policy.ShouldReclaim(300 * MB, Idle));
    }
}
