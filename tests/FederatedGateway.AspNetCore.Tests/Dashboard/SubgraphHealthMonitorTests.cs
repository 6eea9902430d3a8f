using System.Diagnostics;
using FederatedGateway.AspNetCore.Dashboard;
using FederatedGateway.Execution.Telemetry;

namespace FederatedGateway.AspNetCore.Tests.Dashboard;

/// <summary>
/// The dashboard's subgraph health: counts per subgraph over the last five minutes, statuses from the share of failed
/// fetches, the last failure kept, old slices forgotten, and the gateway's own fetch instrument as the feed.
/// </summary>
public sealed class SubgraphHealthMonitorTests
{
    [Fact]
    public void Statuses_follow_the_share_of_failed_fetches_in_the_window()
    {
        var clock = new ManualClock();
        using var monitor = new SubgraphHealthMonitor(clock, listen: false);
        for (var i = 0; i < 100; i++)
        {
            monitor.Record("accounts", 4, null);
            monitor.Record("orders", 20, i < 5 ? "SUBREQUEST_HTTP_ERROR" : null);
            monitor.Record("portfolio", 1, i < 60 ? "SUBREQUEST_TIMEOUT" : null);
        }

        clock.Advance(TimeSpan.FromSeconds(59));
        var read = monitor.Read(["accounts", "orders", "portfolio", "market"]).ToDictionary(h => h.Name);

        Assert.Equal((SubgraphHealth.Ok, 100L, 0.0), (read["accounts"].Status, read["accounts"].Fetches, read["accounts"].ErrorRate));
        Assert.Equal((SubgraphHealth.Degraded, 0.05), (read["orders"].Status, read["orders"].ErrorRate));
        Assert.Equal((SubgraphHealth.Failing, 0.6), (read["portfolio"].Status, read["portfolio"].ErrorRate));
        Assert.Equal((SubgraphHealth.Idle, 0L), (read["market"].Status, read["market"].Fetches));
        Assert.Equal("SUBREQUEST_TIMEOUT", read["portfolio"].LastError);
        Assert.Equal(clock.Start, read["portfolio"].LastErrorAt);
        Assert.Null(read["accounts"].LastError);

        // A minute covered so far: the rate is over that minute, not over five.
        Assert.Equal(100 / 59.0, read["accounts"].FetchesPerSecond, 3);

        // Latency percentiles within the histogram's 25% buckets.
        Assert.InRange(read["orders"].P95, 20, 25);
        Assert.InRange(read["accounts"].P50, 4, 5);
    }

    [Fact]
    public void Fetches_older_than_the_window_are_forgotten_and_a_recovered_subgraph_is_ok_again()
    {
        var clock = new ManualClock();
        using var monitor = new SubgraphHealthMonitor(clock, listen: false);
        monitor.Record("orders", 3, "SUBREQUEST_HTTP_ERROR");
        monitor.Record("orders", 3, "SUBREQUEST_HTTP_ERROR");

        clock.Advance(SubgraphHealthMonitor.Window + TimeSpan.FromSeconds(10));
        Assert.Equal(SubgraphHealth.Idle, monitor.Read(["orders"])[0].Status);

        // The same slot comes round again: its old counts are replaced, not added to.
        clock.Advance(SubgraphHealthMonitor.Window - TimeSpan.FromSeconds(10));
        monitor.Record("orders", 3, null);
        var orders = monitor.Read(["orders"])[0];
        Assert.Equal((SubgraphHealth.Ok, 1L, (string?)null), (orders.Status, orders.Fetches, orders.LastError));
    }

    [Fact]
    public void It_reads_the_gateways_fetch_instrument()
    {
        using var monitor = new SubgraphHealthMonitor(TimeProvider.System);
        var subgraph = "health-" + Guid.NewGuid().ToString("N");
        Assert.True(GatewayMetrics.FetchDuration.Enabled);
        GatewayMetrics.FetchDuration.Record(0.012, new TagList { { GatewayMetrics.SubgraphTag, subgraph }, { GatewayMetrics.FetchOutcomeTag, GatewayMetrics.FetchSucceeded } });
        GatewayMetrics.FetchDuration.Record(0.030, new TagList { { GatewayMetrics.SubgraphTag, subgraph }, { GatewayMetrics.FetchOutcomeTag, "SUBREQUEST_HTTP_ERROR" } });

        var health = monitor.Read([subgraph])[0];
        Assert.Equal((2L, 0.5, "SUBREQUEST_HTTP_ERROR", SubgraphHealth.Failing), (health.Fetches, health.ErrorRate, health.LastError, health.Status));
        Assert.InRange(health.P95, 30, 38);
    }

    [Fact]
    public void It_stops_reading_once_disposed()
    {
        var subgraph = "health-" + Guid.NewGuid().ToString("N");
        var monitor = new SubgraphHealthMonitor(TimeProvider.System);
        monitor.Dispose();
        GatewayMetrics.FetchDuration.Record(0.012, new TagList { { GatewayMetrics.SubgraphTag, subgraph }, { GatewayMetrics.FetchOutcomeTag, GatewayMetrics.FetchSucceeded } });
        Assert.Equal(0, monitor.Read([subgraph])[0].Fetches);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 4, 10, 0, 3, TimeSpan.Zero);

        public ManualClock() => Start = _now;

        public DateTimeOffset Start { get; }

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
