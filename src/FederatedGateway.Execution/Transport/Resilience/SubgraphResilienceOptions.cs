namespace FederatedGateway.Execution.Transport.Resilience;

/// <summary>Retries and circuit breaking for one subgraph's HTTP fetches.</summary>
public sealed class SubgraphResilienceOptions
{
    /// <summary>Retries of one query fetch after a connection failure or a 502/503/504; 0 turns retries off. Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay (doubled each time, with jitter). Default 50 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Retries may add at most this share of extra load (percent of requests, measured over recent traffic). Default 10.</summary>
    public int RetryBudgetPercent { get; set; } = 10;

    /// <summary>Failures in a row (connection failures, 5xx) that open the circuit; 0 turns the breaker off. Default 10.</summary>
    public int BreakAfterFailures { get; set; } = 10;

    /// <summary>How long an open circuit refuses fetches before one probe is let through. Default 5 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsValid() =>
        MaxRetries >= 0 && RetryDelay >= TimeSpan.Zero && RetryBudgetPercent is >= 0 and <= 100 && BreakAfterFailures >= 0
        && (BreakAfterFailures == 0 || BreakDuration >= TimeSpan.FromMilliseconds(500));
}
