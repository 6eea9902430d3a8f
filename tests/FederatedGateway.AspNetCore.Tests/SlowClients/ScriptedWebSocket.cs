using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace FederatedGateway.AspNetCore.Tests.SlowClients;

/// <summary>
/// A server-side WebSocket driven by the test: it receives the messages the test queues, and its sends wait while
/// <see cref="Stall"/> is on (as a socket does when the client reads nothing), honouring cancellation like the real one.
/// </summary>
internal sealed class ScriptedWebSocket : WebSocket
{
    private readonly Channel<string?> _incoming = Channel.CreateUnbounded<string?>();
    private readonly object _gate = new();
    private TaskCompletionSource _open = NewGate(open: true);
    private WebSocketState _state = WebSocketState.Open;

    public List<string> Sent { get; } = [];

    public WebSocketCloseStatus? ClosedWith { get; private set; }

    public string? ClosedBecause { get; private set; }

    public bool Aborted { get; private set; }

    public override WebSocketCloseStatus? CloseStatus => ClosedWith;

    public override string? CloseStatusDescription => ClosedBecause;

    public override WebSocketState State => _state;

    public override string? SubProtocol => "graphql-transport-ws";

    /// <summary>While on, sends wait (until it is turned off or their token is cancelled).</summary>
    public bool Stall
    {
        set
        {
            lock (_gate)
            {
                if (value && _open.Task.IsCompleted)
                {
                    _open = NewGate(open: false);
                }
                else if (!value)
                {
                    _open.TrySetResult();
                }
            }
        }
    }

    /// <summary>Sends that are waiting because of <see cref="Stall"/>.</summary>
    public int Waiting { get; private set; }

    public void Receive(string message) => _incoming.Writer.TryWrite(message);

    /// <summary>The client's close frame.</summary>
    public void ReceiveClose() => _incoming.Writer.TryWrite(null);

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var message = await _incoming.Reader.ReadAsync(cancellationToken);
        if (message is null)
        {
            _state = WebSocketState.CloseReceived;
            return new WebSocketReceiveResult(0, WebSocketMessageType.Close, endOfMessage: true, WebSocketCloseStatus.NormalClosure, null);
        }

        var count = Encoding.UTF8.GetBytes(message, buffer);
        return new WebSocketReceiveResult(count, WebSocketMessageType.Text, endOfMessage: true);
    }

    public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        lock (Sent)
        {
            Sent.Add(Encoding.UTF8.GetString(buffer));
        }
    }

    public override async Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        ClosedWith = closeStatus;
        ClosedBecause = statusDescription;
        _state = WebSocketState.CloseSent;
    }

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Abort()
    {
        Aborted = true;
        _state = WebSocketState.Aborted;
    }

    public override void Dispose()
    {
    }

    /// <summary>Like ManagedWebSocket: a cancelled send aborts the socket.</summary>
    private async Task PassGateAsync(CancellationToken cancellationToken)
    {
        Task open;
        lock (_gate)
        {
            open = _open.Task;
            Waiting++;
        }

        try
        {
            await open.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Abort();
            throw;
        }
        finally
        {
            lock (_gate)
            {
                Waiting--;
            }
        }
    }

    private static TaskCompletionSource NewGate(bool open)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            gate.SetResult();
        }

        return gate;
    }
}
