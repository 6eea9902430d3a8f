using System.Collections.Immutable;
using FederatedGateway.Execution.Usage;

namespace FederatedGateway.Execution.Tests.Usage;

/// <summary>The in-memory counts: nothing lost while intervals close under concurrent recording, and bounded keys.</summary>
public sealed class UsageRecorderTests
{
    private static readonly OperationUsageProfile[] Profiles =
        [.. Enumerable.Range(0, 8).Select(i => new OperationUsageProfile($"hash{i}", $"Op{i}", ImmutableArray.Create("Query.f")))];

    [Fact]
    public async Task Every_request_recorded_while_intervals_close_is_in_exactly_one_interval()
    {
        const int Threads = 4;
        const int AtLeast = 20_000;
        const int Drains = 20;
        var recorder = new UsageRecorder();
        var batches = new List<UsageBatch>();
        var drains = 0;
        using var done = new CancellationTokenSource();
        var drainer = Task.Factory.StartNew(
            () =>
            {
                while (!done.IsCancellationRequested)
                {
                    batches.Add(recorder.Drain());
                    Interlocked.Increment(ref drains);
                    Thread.Yield();
                }
            },
            TaskCreationOptions.LongRunning);
        var recorded = new long[Threads];
        var errors = new long[Threads];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            // Until the intervals have closed many times under it, and at least AtLeast requests each.
            for (var i = 0; i < AtLeast || Volatile.Read(ref drains) < Drains; i++)
            {
                var failed = i % 10 == 0;
                recorder.Record(Profiles[i % Profiles.Length], "client" + thread, "1", i % 100, failed);
                recorded[thread]++;
                errors[thread] += failed ? 1 : 0;
            }
        });
        done.Cancel();
        await drainer;
        batches.Add(recorder.Drain());

        var all = batches.SelectMany(b => b.Counts.Values).ToList();
        Assert.Equal(recorded.Sum(), all.Sum(c => c.Requests));
        Assert.Equal(errors.Sum(), all.Sum(c => c.Errors));
        Assert.Equal(recorded.Sum(), all.Sum(c => c.Latency.Counts.ToArray().Sum()));
        Assert.True(batches.Count >= Drains);
    }

    [Fact]
    public void Keys_beyond_the_bound_land_on_one_overflow_key_and_are_still_counted()
    {
        var recorder = new UsageRecorder(maxKeys: 3);
        for (var i = 0; i < 100; i++)
        {
            recorder.Record(Profiles[0], "client" + i, null, 1, failed: false);
        }

        var batch = recorder.Drain();

        Assert.Equal(4, batch.Counts.Count);
        Assert.Equal(97, batch.Counts[new UsageKey(UsageKey.OverflowHash, "", "", "")].Requests);
        Assert.Equal(100, batch.Counts.Values.Sum(c => c.Requests));
        Assert.Empty(recorder.Drain().Counts);
    }

    [Fact]
    public void Latency_percentiles_come_from_buckets_within_a_quarter_and_survive_serialization()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 100; ms++)
        {
            histogram.Add(ms);
        }

        var copy = LatencyHistogram.Parse(histogram.Serialize());

        Assert.InRange(copy.Percentile(0.5), 50, 50 * 1.25);
        Assert.InRange(copy.Percentile(0.99), 99, 99 * 1.25);
        Assert.Equal(100, copy.Counts.ToArray().Sum());
        Assert.Equal(0, new LatencyHistogram().Percentile(0.5));
        Assert.Equal(0, LatencyHistogram.Parse("x:1,3:-2,999:5,").Counts.ToArray().Sum());
    }

    [Theory]
    [InlineData("""{"errors":[{"message":"x"}],"data":null}""", true)]
    [InlineData("""{"data":{"a":1}}""", false)]
    [InlineData("""  {"errors":[]}""", true)]
    [InlineData("not json", true)]
    public void A_response_has_errors_when_its_first_member_is_errors(string body, bool expected) =>
        Assert.Equal(expected, ResponseErrors.Present(System.Text.Encoding.UTF8.GetBytes(body)));
}
