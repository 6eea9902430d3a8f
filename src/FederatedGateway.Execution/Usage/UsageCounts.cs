namespace FederatedGateway.Execution.Usage;

/// <summary>The counts of one <see cref="UsageKey"/> within one interval; safe to add to from many threads.</summary>
public sealed class UsageCounts
{
    private long _requests;
    private long _errors;

    public UsageCounts(OperationUsageProfile? profile) => Profile = profile;

    /// <summary>The operation behind the key (null for the overflow key, which has no single operation).</summary>
    public OperationUsageProfile? Profile { get; }

    public long Requests => Volatile.Read(ref _requests);

    public long Errors => Volatile.Read(ref _errors);

    public LatencyHistogram Latency { get; } = new();

    public void Add(double milliseconds, bool failed)
    {
        Interlocked.Increment(ref _requests);
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }

        Latency.Add(milliseconds);
    }
}
