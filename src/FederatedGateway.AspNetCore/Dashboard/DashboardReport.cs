using FederatedGateway.Execution.Usage;

namespace FederatedGateway.AspNetCore.Dashboard;

/// <summary>What the dashboard page draws, as one JSON document (<c>GET {path}/api/report</c>).</summary>
internal sealed record DashboardReport(
    DateTimeOffset GeneratedAt,
    IReadOnlyList<DashboardTrafficPoint> Traffic,
    IReadOnlyList<DashboardOperation> TopOperations,
    IReadOnlyList<DashboardOperation> SlowestOperations,
    IReadOnlyList<DashboardFieldUsage> Fields,
    IReadOnlyList<string> NeverUsedFields,
    IReadOnlyList<DashboardSubgraph> Subgraphs,
    TimeSpan FieldUsageWindow);

/// <summary>One interval: when it ended (Unix seconds), requests per second, error rate (0-1) and latency percentiles in ms.</summary>
internal sealed record DashboardTrafficPoint(long Time, double RequestsPerSecond, double ErrorRate, double P50, double P95, double P99)
{
    public static DashboardTrafficPoint Of(TrafficPoint point)
    {
        var seconds = Math.Max(0.001, (point.End - point.Start).TotalSeconds);
        return new DashboardTrafficPoint(
            point.End.ToUnixTimeSeconds(),
            point.Requests / seconds,
            point.Requests == 0 ? 0 : (double)point.Errors / point.Requests,
            point.Latency.Percentile(0.5),
            point.Latency.Percentile(0.95),
            point.Latency.Percentile(0.99));
    }
}

/// <summary>One operation (all its clients together) over the report's window.</summary>
internal sealed record DashboardOperation(string Name, string Hash, long Requests, long Errors, double P50, double P95, double P99, IReadOnlyList<string> Clients);

internal sealed record DashboardFieldUsage(string Coordinate, long Requests);

/// <summary>
/// A subgraph of the supergraph served: its name, where it is, and its fetches over the last five minutes (status
/// ok, degraded, failing or idle; fetches per second, error rate 0-1, latency in ms, the last failure's code and time).
/// </summary>
internal sealed record DashboardSubgraph(
    string Name, string Url, string Status, long Fetches, double FetchesPerSecond, double ErrorRate, double P50, double P95, string? LastError, DateTimeOffset? LastErrorAt);
