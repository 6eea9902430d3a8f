using FederatedGateway.Execution.Transport.Resilience;

namespace FederatedGateway.AspNetCore.Traffic;

/// <summary>
/// Retries and circuit breaking of subgraph fetches over HTTP, configuration <c>Gateway:Resilience</c>: the defaults
/// for every subgraph (the settings of <see cref="SubgraphResilienceOptions"/>), and whole overrides per subgraph
/// name under <see cref="Subgraphs"/>.
/// </summary>
public sealed class ResilienceSettings
{
    /// <summary>Retries of one query fetch after a connection failure or a 502/503/504 (mutations are never retried); 0 turns retries off. Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay, doubled each time, with jitter. Default 50 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Retries add at most this share of extra load to a subgraph (plus a reserve of 10). Default 10.</summary>
    public int RetryBudgetPercent { get; set; } = 10;

    /// <summary>Failures in a row (connection failures, 5xx) that open the subgraph's circuit; 0 turns the breaker off. Default 10.</summary>
    public int BreakAfterFailures { get; set; } = 10;

    /// <summary>While open, fetches fail at once with <c>SUBGRAPH_UNAVAILABLE</c>; then one probe is let through. Default 5 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whole overrides per subgraph name (every setting above, for that subgraph only).</summary>
    public Dictionary<string, SubgraphResilienceOptions> Subgraphs { get; set; } = new(StringComparer.Ordinal);

    internal SubgraphResilienceOptions Defaults => new()
    {
        MaxRetries = MaxRetries,
        RetryDelay = RetryDelay,
        RetryBudgetPercent = RetryBudgetPercent,
        BreakAfterFailures = BreakAfterFailures,
        BreakDuration = BreakDuration,
    };

    internal SubgraphResilienceOptions For(string subgraph) => Subgraphs.TryGetValue(subgraph, out var own) ? own : Defaults;

    internal IEnumerable<string> Problems()
    {
        if (!Defaults.IsValid())
        {
            yield return "Gateway:Resilience needs MaxRetries, RetryDelay and BreakAfterFailures of zero or more, RetryBudgetPercent between 0 and 100, and a BreakDuration of at least 500 ms.";
        }

        foreach (var (name, options) in Subgraphs)
        {
            if (!options.IsValid())
            {
                yield return $"Gateway:Resilience:Subgraphs:{name} needs MaxRetries, RetryDelay and BreakAfterFailures of zero or more, RetryBudgetPercent between 0 and 100, and a BreakDuration of at least 500 ms.";
            }
        }
    }
}
