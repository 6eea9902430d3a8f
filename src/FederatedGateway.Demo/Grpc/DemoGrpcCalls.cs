using System.Collections.Concurrent;

namespace FederatedGateway.Demo.Grpc;

/// <summary>How many calls each demo gRPC method received (tests check that entity lookups arrive batched).</summary>
public sealed class DemoGrpcCalls
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _batches = new();

    public int Count(string method) => _counts.GetValueOrDefault(method);

    /// <summary>The keys of each BatchGetQuotes call, comma-joined, in arrival order.</summary>
    public IReadOnlyCollection<string> Batches => _batches;

    internal void Record(string method, string? batch = null)
    {
        _counts.AddOrUpdate(method, 1, static (_, n) => n + 1);
        if (batch is not null)
        {
            _batches.Enqueue(batch);
        }
    }
}
