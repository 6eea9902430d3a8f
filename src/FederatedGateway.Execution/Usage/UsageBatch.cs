namespace FederatedGateway.Execution.Usage;

/// <summary>Everything counted in one interval, handed to a store.</summary>
public sealed record UsageBatch(DateTimeOffset Start, DateTimeOffset End, IReadOnlyDictionary<UsageKey, UsageCounts> Counts)
{
    public bool IsEmpty => Counts.Count == 0;
}
