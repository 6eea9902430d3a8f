namespace FederatedGateway.Execution.Usage;

/// <summary>
/// The gateway's traffic over the last intervals (requests, errors, latency), kept in memory for the dashboard:
/// each closed usage interval adds one point; the oldest go beyond <c>capacity</c>.
/// </summary>
public sealed class TrafficHistory
{
    private readonly int _capacity;
    private readonly Queue<TrafficPoint> _points = new();

    public TrafficHistory(int capacity = 360)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public void Add(UsageBatch batch)
    {
        var latency = new LatencyHistogram();
        long requests = 0, errors = 0;
        foreach (var counts in batch.Counts.Values)
        {
            requests += counts.Requests;
            errors += counts.Errors;
            latency.AddAll(counts.Latency.Counts);
        }

        lock (_points)
        {
            _points.Enqueue(new TrafficPoint(batch.Start, batch.End, requests, errors, latency));
            while (_points.Count > _capacity)
            {
                _points.Dequeue();
            }
        }
    }

    /// <summary>The points, oldest first.</summary>
    public IReadOnlyList<TrafficPoint> Points()
    {
        lock (_points)
        {
            return [.. _points];
        }
    }
}

/// <summary>One interval of traffic: how many requests, how many with errors, and their latency.</summary>
public sealed record TrafficPoint(DateTimeOffset Start, DateTimeOffset End, long Requests, long Errors, LatencyHistogram Latency);
