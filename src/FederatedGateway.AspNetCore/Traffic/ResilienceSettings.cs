using FederatedGateway.Execution.Transport.Resilience;

namespace FederatedGateway.AspNetCore.Traffic;

/// <summary>
/// Retries and circuit breaking of subgraph fetches over HTTP, configuration <c>Gateway:Resilience</c>: the defaults
/// for every subgraph (the settings of <see cref="SubgraphResilienceOptions"/>), and whole overrides per subgraph
/// name under <see cref="Subgraphs"/>.
/// </summary>
public sealed class ResilienceSettings
{
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    public int RetryBudgetPercent { get; set; } = 10;

    public int BreakAfterFailures { get; set; } = 10;

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

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
