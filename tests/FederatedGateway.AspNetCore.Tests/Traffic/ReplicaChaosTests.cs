using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Execution.Transport.Replicas;
using Xunit.Abstractions;

namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>
/// Chaos with two real replicas of a subgraph under bounded concurrent load through the real gateway: one replica
/// killed, then slowed, then flapping, each fault followed by a restore. Prints the error rate and p99 latency while the
/// fault starts (its first second), once the replica is out of rotation (the rest of the fault) and after the restore,
/// and the recovery time (restore → the replica back in rotation and serving); asserts generous bounds on them.
/// </summary>
[Collection(nameof(ChaosCollection))]
public sealed class ReplicaChaosTests(ITestOutputHelper output)
{
    private static readonly TimeSpan HealthCheckInterval = TimeSpan.FromMilliseconds(250);
    private const double FaultMs = 3000;
    private const double TransitionMs = 1000;
    private const double AfterRestoreMs = 1500;

    [Fact]
    public async Task Killed_slowed_and_flapping_replica_under_load()
    {
        await using var steady = await ReplicaSubgraph.StartAsync();
        await using var victim = await ReplicaSubgraph.StartAsync();
        await using var gateway = await ReplicaTests.StartAsync([steady, victim], new()
        {
            ["Gateway:SubgraphTimeout"] = "00:00:05",
            ["Gateway:Replicas:EjectAfterFailures"] = "3",
            ["Gateway:Replicas:EjectionTime"] = "00:00:01",
            ["Gateway:Replicas:MaxEjectionTime"] = "00:00:04",
            ["Gateway:Replicas:HealthCheck:Interval"] = HealthCheckInterval.ToString(),
            ["Gateway:Replicas:HealthCheck:Timeout"] = "00:00:00.500",
        });
        var replica = ReplicaTests.Replicas(gateway).Replicas[1];
        await using var load = new LoadRecorder(gateway.Endpoint, workers: 8, cap: 200_000);

        await Task.Delay(1000);
        var baseline = load.Window(0, load.Now);
        output.WriteLine($"baseline: {Describe(baseline)}");
        Assert.True(baseline.ErrorPercent < 1, Describe(baseline));

        var killed = await PhaseAsync(load, victim, replica, "A killed", victim.DownAsync, victim.UpAsync);
        var slowed = await PhaseAsync(
            load, victim, replica, "B slowed 2 s",
            () => { victim.Delay = TimeSpan.FromSeconds(2); return Task.CompletedTask; },
            () => { victim.Delay = TimeSpan.Zero; return Task.CompletedTask; });
        using var flapping = new CancellationTokenSource();
        Task? flapper = null;
        var flapped = await PhaseAsync(
            load, victim, replica, "C flapping 300 ms",
            () => { flapper = FlapAsync(victim, flapping.Token); return Task.CompletedTask; },
            async () => { await flapping.CancelAsync(); await flapper!; await victim.UpAsync(); });
        output.WriteLine($"requests sent: {load.Sent}");

        // Generous bounds: the healthy replica carries the load once the faulty one is out of rotation. A p99 under
        // 1.5 s means no request waited for the replica slowed to 2 s.
        Assert.True(killed.During.ErrorPercent < 5, $"killed, first second: {Describe(killed.During)}");
        Assert.True(killed.Ejected.ErrorPercent < 1, $"killed, out of rotation: {Describe(killed.Ejected)}");
        Assert.True(slowed.Ejected.ErrorPercent < 1 && slowed.Ejected.P99Ms < 1500, $"slowed, out of rotation: {Describe(slowed.Ejected)}");
        Assert.True(flapped.During.ErrorPercent < 10 && flapped.Ejected.ErrorPercent < 5, $"flapping: {Describe(flapped.During)} / {Describe(flapped.Ejected)}");
        foreach (var phase in new[] { killed, slowed, flapped })
        {
            Assert.True(phase.After.ErrorPercent < 1 && phase.After.P99Ms < 1500, $"after restore: {Describe(phase.After)}");
            Assert.True(phase.Recovery < HealthCheckInterval * 8, $"recovery took {phase.Recovery.TotalMilliseconds:0} ms");
        }
    }

    private async Task<ChaosPhaseResult> PhaseAsync(
        LoadRecorder load, ReplicaSubgraph victim, Replica replica, string name, Func<Task> fault, Func<Task> restore)
    {
        var start = load.Now;
        await fault();
        await Task.Delay(TimeSpan.FromMilliseconds(FaultMs));
        var during = load.Window(start, start + TransitionMs);
        var ejected = load.Window(start + TransitionMs, start + FaultMs);

        var restoredAt = load.Now;
        var served = victim.Requests;
        await restore();
        while (!(replica.IsProbeHealthy && !replica.IsEjected && victim.Requests > served) && load.Now - restoredAt < 10_000)
        {
            await Task.Delay(10);
        }

        var recovery = TimeSpan.FromMilliseconds(load.Now - restoredAt);
        var afterStart = load.Now;
        await Task.Delay(TimeSpan.FromMilliseconds(AfterRestoreMs));
        var after = load.Window(afterStart, afterStart + AfterRestoreMs);
        output.WriteLine($"phase {name}: first second {Describe(during)}; out of rotation {Describe(ejected)}; recovery {recovery.TotalMilliseconds:0} ms; after restore {Describe(after)}");
        return new ChaosPhaseResult(during, ejected, after, recovery);
    }

    private static async Task FlapAsync(ReplicaSubgraph replica, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await replica.DownAsync();
            await Task.Delay(300, CancellationToken.None);
            await replica.UpAsync();
            await Task.Delay(300, CancellationToken.None);
        }
    }

    private static string Describe((int Count, double ErrorPercent, double P99Ms) window) =>
        $"{window.Count} requests, {window.ErrorPercent:0.00}% errors, p99 {window.P99Ms:0} ms";
}
