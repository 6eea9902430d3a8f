namespace FederatedGateway.AspNetCore.Dashboard;

/// <summary>
/// The operators' dashboard (configuration <c>Gateway:Dashboard</c>): traffic, latency and errors over time, the
/// subgraphs, the top and slowest operations, and field usage with the fields nobody uses. It reads usage analytics,
/// so <c>Gateway:Usage:Enabled</c> must be on.
/// </summary>
public sealed class DashboardSettings
{
    /// <summary>Serve the dashboard. Null (the default) means: on in the Development environment only.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Where it is served. Default <c>/dashboard</c>.</summary>
    public string Path { get; set; } = "/dashboard";

    /// <summary>
    /// The ASP.NET Core authorization policy its data needs. Without one, the data needs an authenticated caller when
    /// authentication is configured, and nothing otherwise.
    /// </summary>
    public string? Policy { get; set; }

    /// <summary>How many usage intervals the traffic charts show (at the default 10 s flush, 360 is an hour).</summary>
    public int HistoryIntervals { get; set; } = 360;

    internal IEnumerable<string> Problems(bool usageEnabled)
    {
        if (Enabled != true)
        {
            yield break;
        }

        if (!usageEnabled)
        {
            yield return "Gateway:Dashboard needs Gateway:Usage:Enabled (it shows what usage analytics counts).";
        }

        if (string.IsNullOrWhiteSpace(Path) || !Path.StartsWith('/') || Path.EndsWith('/'))
        {
            yield return $"Gateway:Dashboard:Path '{Path}' must start with '/' and not end with one.";
        }

        if (HistoryIntervals < 1)
        {
            yield return "Gateway:Dashboard:HistoryIntervals must be at least 1.";
        }
    }
}
