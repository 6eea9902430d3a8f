using System.Text.Json;

namespace FederatedGateway.AspNetCore.Subscriptions;

/// <summary>One operation running on a WebSocket connection; owns its copy of the subscribe payload.</summary>
internal sealed class WebSocketOperation : IDisposable
{
    private readonly CancellationTokenSource _cancellation;

    public WebSocketOperation(string id, JsonDocument payload, CancellationToken connection)
    {
        Id = id;
        Payload = payload;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connection);
    }

    public string Id { get; }

    public JsonDocument Payload { get; }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>The client sent <c>complete</c>: the server sends nothing more for this id.</summary>
    public bool CompletedByClient { get; private set; }

    public Task Running { get; set; } = Task.CompletedTask;

    public void Cancel(bool byClient)
    {
        CompletedByClient |= byClient;
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }

    public void Dispose()
    {
        _cancellation.Dispose();
        Payload.Dispose();
    }
}
