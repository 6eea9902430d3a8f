using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Tests;

/// <summary>
/// <see cref="FakeSubgraphs"/> plus services that never answer: a request to one of them waits until its token is
/// cancelled (and then throws, as the HTTP client does). Tells when the first stalled request has started.
/// </summary>
internal sealed class StallingSubgraphs : ISubgraphClient
{
    private readonly FakeSubgraphs _answering;
    private readonly HashSet<string> _stalling;
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StallingSubgraphs(FakeSubgraphs answering, params string[] stalling)
    {
        _answering = answering;
        _stalling = new HashSet<string>(stalling, StringComparer.Ordinal);
    }

    /// <summary>Completes when a request to a stalling service is waiting.</summary>
    public Task Stalled => _stalled.Task;

    /// <summary>Every request, in the order sent (stalled ones included).</summary>
    public List<string> Sent { get; } = [];

    /// <summary>Stalled requests whose token was cancelled.</summary>
    public int Cancelled { get; private set; }

    public async ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Sent.Add(request.ServiceName);
        }

        if (!_stalling.Contains(request.ServiceName))
        {
            return await _answering.SendAsync(request, cancellationToken);
        }

        _stalled.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled++;
            throw;
        }

        throw new InvalidOperationException("unreachable");
    }
}
