using System.Diagnostics;
using System.Diagnostics.Metrics;
using FederatedGateway.Execution.Transport.Replicas;

namespace FederatedGateway.Execution.Tests.Transport;

/// <summary>The choice among replicas, passive ejection and its back-off, and health-check results, without a network.</summary>
public sealed class ReplicaSetTests
{
    private static ReplicaSet Set(int count, int ejectAfter = 2, int ejectionMs = 100, int maxEjectionMs = 1000) =>
        new("products", Enumerable.Range(0, count).Select(i => $"http://127.0.0.1:{32000 + i}/graphql").ToArray(), new ReplicaOptions
        {
            EjectAfterFailures = ejectAfter,
            EjectionTime = TimeSpan.FromMilliseconds(ejectionMs),
            MaxEjectionTime = TimeSpan.FromMilliseconds(maxEjectionMs),
        });

    private static void Fail(ReplicaSet set, Replica replica, int times)
    {
        for (var i = 0; i < times; i++)
        {
            set.Failed(replica, replica.Begin());
            replica.End();
        }
    }

    [Fact]
    public void The_replica_with_fewer_outstanding_requests_wins_the_two_choices()
    {
        var set = Set(2);
        var busy = set.Replicas[0];
        for (var i = 0; i < 5; i++)
        {
            busy.Begin();
        }

        for (var i = 0; i < 50; i++)
        {
            Assert.Same(set.Replicas[1], set.Choose());
        }
    }

    [Fact]
    public void Every_replica_of_many_is_chosen_and_a_retry_prefers_one_not_tried()
    {
        var set = Set(4);
        var chosen = Enumerable.Range(0, 400).Select(_ => set.Choose()!).GroupBy(r => r.Url).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, chosen.Count);

        var tried = set.Replicas.Where(r => r != set.Replicas[3]).Aggregate(0UL, (bits, r) => bits | r.Bit);
        Assert.Same(set.Replicas[3], set.Choose(tried));
        Assert.NotNull(set.Choose(set.Replicas.Aggregate(0UL, (bits, r) => bits | r.Bit))); // all tried: any in rotation again
    }

    [Fact]
    public void Failures_in_a_row_eject_a_replica_but_never_the_last_in_rotation()
    {
        var set = Set(2);
        Fail(set, set.Replicas[0], 2);
        Assert.True(set.Replicas[0].IsEjected);

        Fail(set, set.Replicas[1], 10);
        Assert.False(set.Replicas[1].IsEjected);
        for (var i = 0; i < 20; i++)
        {
            Assert.Same(set.Replicas[1], set.Choose());
        }
    }

    [Fact]
    public void A_success_between_failures_starts_the_count_again()
    {
        var set = Set(2, ejectAfter: 3);
        var replica = set.Replicas[0];
        Fail(set, replica, 2);
        set.Succeeded(replica, replica.Begin());
        replica.End();
        Fail(set, replica, 2);
        Assert.False(replica.IsEjected);
        Fail(set, replica, 1);
        Assert.True(replica.IsEjected);
    }

    [Fact]
    public async Task After_its_back_off_a_replica_returns_on_probation_and_one_failure_ejects_it_for_twice_as_long()
    {
        // Ejections count as "in a row" while the last ended less than MaxEjectionTime ago: 10 s, so a busy machine
        // stretching the 150 ms wait below past a second does not make the second ejection a first one again.
        var set = Set(2, ejectAfter: 3, ejectionMs: 100, maxEjectionMs: 10_000);
        var replica = set.Replicas[0];
        AssertEjectedFor(100, () => Fail(set, replica, 3), replica);

        await Task.Delay(150);
        Assert.Contains(replica, Enumerable.Range(0, 50).Select(_ => set.Choose()));
        Assert.False(replica.IsEjected);

        AssertEjectedFor(200, () => Fail(set, replica, 1), replica);
        Assert.True(replica.IsEjected);
    }

    /// <summary>
    /// The ejection <paramref name="fail"/> causes lasts <paramref name="ms"/> from the moment it happened: measured against clocks read
    /// just before and just after, so a stalled test thread widens the window instead of failing the test.
    /// </summary>
    private static void AssertEjectedFor(double ms, Action fail, Replica replica)
    {
        var before = Stopwatch.GetTimestamp();
        fail();
        var after = Stopwatch.GetTimestamp();
        var fromBefore = Stopwatch.GetElapsedTime(before, replica.EjectedUntil).TotalMilliseconds;
        Assert.InRange(fromBefore, ms - 1, ms + Stopwatch.GetElapsedTime(before, after).TotalMilliseconds + 1);
    }

    [Fact]
    public void Health_checks_take_out_any_replica_and_with_none_left_there_is_no_choice()
    {
        var set = Set(2);
        set.ProbeFailed(set.Replicas[0], "test");
        Assert.Same(set.Replicas[1], set.Choose());
        set.ProbeFailed(set.Replicas[1], "test");
        Assert.Null(set.Choose());

        set.ProbePassed(set.Replicas[0]);
        Assert.Same(set.Replicas[0], set.Choose());
    }

    [Fact]
    public void A_passing_health_check_ends_an_ejection_at_once()
    {
        var set = Set(2, ejectionMs: 60_000, maxEjectionMs: 60_000);
        Fail(set, set.Replicas[0], 2);
        Assert.True(set.Replicas[0].IsEjected);
        set.ProbePassed(set.Replicas[0]);
        Assert.False(set.Replicas[0].IsEjected);
        Assert.Contains(set.Replicas[0], Enumerable.Range(0, 50).Select(_ => set.Choose()));
    }

    [Fact]
    public void Ejections_and_restorations_are_counted_by_subgraph_and_reason()
    {
        var counted = new List<(string Instrument, string? Subgraph, string? Reason)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "FederatedGateway.Traffic" && instrument.Name.StartsWith("fgw.replica.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var subgraph = tags.ToArray().FirstOrDefault(t => t.Key == "subgraph").Value as string;
            if (subgraph == "metered")
            {
                lock (counted)
                {
                    counted.Add((instrument.Name, subgraph, tags.ToArray().FirstOrDefault(t => t.Key == "reason").Value as string));
                }
            }
        });
        listener.Start();
        var set = new ReplicaSet("metered", ["http://127.0.0.1:32001/graphql", "http://127.0.0.1:32002/graphql"], new ReplicaOptions { EjectAfterFailures = 1 });

        Fail(set, set.Replicas[0], 1);
        set.ProbePassed(set.Replicas[0]);
        set.ProbeFailed(set.Replicas[1], "test");

        Assert.Equal(
            [("fgw.replica.ejections", "metered", "failures"), ("fgw.replica.restorations", "metered", "health_check"), ("fgw.replica.ejections", "metered", "health_check")],
            counted);
    }
}
