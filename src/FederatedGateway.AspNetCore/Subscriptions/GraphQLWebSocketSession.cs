using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using FederatedGateway.AspNetCore.Internal;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Subscriptions;

/// <summary>
/// The server side of one <c>graphql-transport-ws</c> connection: initialisation (with timeout), ping/pong and
/// keep-alive pings, operations by id (capped per connection), graceful completion. Sends are serialised by one lock;
/// whatever ends the connection (client close, broken socket, protocol violation, server shutdown, a slow consumer)
/// cancels every operation, which ends their subgraph subscriptions.
/// </summary>
/// <remarks>
/// A client that does not keep up is disconnected (<see cref="SubscriptionSettings"/>): when its operations' messages
/// waiting to be sent would exceed <c>MaxSendBacklog</c> bytes, the connection is closed with
/// <see cref="SlowConsumerCloseStatus"/> (1008); when one message is not taken within <c>SendTimeout</c>, the socket
/// is aborted (a close frame cannot reach a client that reads nothing).
/// </remarks>
internal sealed partial class GraphQLWebSocketSession : IDisposable
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan OperationsDrainTimeout = TimeSpan.FromSeconds(5);
    private const int MaxMessageDepth = 64;

    /// <summary>The close code for a client that lets too many messages wait (1008, policy violation).</summary>
    public const WebSocketCloseStatus SlowConsumerCloseStatus = WebSocketCloseStatus.PolicyViolation;

    private readonly WebSocket _socket;
    private readonly IGatewayExecutor _executor;
    private readonly SubscriptionSettings _settings;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _connection = new();
    private readonly CancellationTokenSource _sendTimeout = new();
    private readonly CancellationTokenSource _sending;
    private readonly SendBacklog _backlog;
    private readonly WebSocketClient _client;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, WebSocketOperation> _operations = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _initialised = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _initRequests;
    private volatile bool _closeSent;
    private volatile bool _shuttingDown;

    public GraphQLWebSocketSession(
        WebSocket socket, IGatewayExecutor executor, SubscriptionSettings settings, WebSocketClient? client, ILogger logger)
    {
        _client = client ?? new WebSocketClient(null, null, null, null);
        _socket = socket;
        _executor = executor;
        _settings = settings;
        _logger = logger;

        // Cancels a send when the connection ends or when it takes longer than SendTimeout (_sendTimeout, re-armed
        // for each send). The timeout has a source of its own so that a timed-out send is told by that source alone:
        // the aborted socket wakes the read loop, which may cancel the connection before the sender sees its
        // exception (seen on a busy 2-core CI), and a socket may end the send inline, before other callbacks run.
        _sending = CancellationTokenSource.CreateLinkedTokenSource(_connection.Token, _sendTimeout.Token);
        _backlog = new SendBacklog(settings.MaxSendBacklog);
    }

    /// <summary>Serves the connection until it closes; returns once every operation has ended.</summary>
    public async Task RunAsync(CancellationToken requestAborted, CancellationToken stopping)
    {
        using var aborted = requestAborted.Register(static s => ((GraphQLWebSocketSession)s!).CancelConnection(), this);
        using var shutdown = stopping.Register(static s => _ = ((GraphQLWebSocketSession)s!).ShutdownAsync(), this);
        var timers = RunTimersAsync();
        using var reader = new WebSocketMessageReader(_settings.MaxMessageSize);
        try
        {
            while (!_connection.IsCancellationRequested)
            {
                var read = await reader.ReadAsync(_socket, _connection.Token).ConfigureAwait(false);
                if (read == WebSocketReadResult.Closed)
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, null).ConfigureAwait(false);
                    break;
                }

                if (_closeSent)
                {
                    continue; // closing: the rest is drained, not handled
                }

                switch (read)
                {
                    case WebSocketReadResult.TooLarge:
                        await CloseAsync((WebSocketCloseStatus)1009, $"Message larger than {_settings.MaxMessageSize} bytes").ConfigureAwait(false);
                        break;
                    case WebSocketReadResult.Binary:
                        await CloseAsync((WebSocketCloseStatus)TransportWs.BadRequest, "Binary messages are not part of graphql-transport-ws").ConfigureAwait(false);
                        break;
                    default:
                        await HandleAsync(reader.Message).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The connection broke, or the close handshake timed out.
        }
        finally
        {
            await EndOperationsAsync().ConfigureAwait(false);
            CancelConnection();
            await timers.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _sending.Dispose();
        _sendTimeout.Dispose();
        _connection.Dispose();
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> utf8)
    {
        if (ClientJson.Parse(utf8, MaxMessageDepth, out var problem) is not { } document)
        {
            // A close reason has at most 123 bytes: the short form of the problem.
            var reason = problem switch
            {
                ClientJson.NotUtf8 => "not UTF-8",
                ClientJson.LoneSurrogate => "lone surrogate escape",
                _ => "not JSON, or a key repeated",
            };
            await CloseAsync((WebSocketCloseStatus)TransportWs.BadRequest, "Invalid message received: " + reason).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type"u8, out var type) || type.ValueKind != JsonValueKind.String)
            {
                await CloseAsync((WebSocketCloseStatus)TransportWs.BadRequest, "Invalid message received: no type").ConfigureAwait(false);
            }
            else if (type.ValueEquals(TransportWs.Subscribe))
            {
                await SubscribeAsync(root).ConfigureAwait(false);
            }
            else if (type.ValueEquals(TransportWs.Complete))
            {
                await CompleteAsync(root).ConfigureAwait(false);
            }
            else if (type.ValueEquals(TransportWs.Ping))
            {
                await SendAsync(ServerMessages.Pong).ConfigureAwait(false);
            }
            else if (type.ValueEquals(TransportWs.Pong))
            {
                // An answer to our keep-alive ping (or unsolicited): nothing to do.
            }
            else if (type.ValueEquals(TransportWs.ConnectionInit))
            {
                if (Interlocked.Increment(ref _initRequests) > 1)
                {
                    await CloseAsync((WebSocketCloseStatus)TransportWs.TooManyInitRequests, "Too many initialisation requests").ConfigureAwait(false);
                    return;
                }

                await SendAsync(ServerMessages.ConnectionAck).ConfigureAwait(false);
                _initialised.TrySetResult();
            }
            else
            {
                await CloseAsync((WebSocketCloseStatus)TransportWs.BadRequest, "Invalid message received: unknown type").ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits for <c>connection_init</c> (closing with 4408 when it does not come), then pings at the keep-alive interval.</summary>
    private async Task RunTimersAsync()
    {
        try
        {
            var token = _connection.Token;
            await Task.WhenAny(_initialised.Task, Task.Delay(_settings.ConnectionInitTimeout, token)).ConfigureAwait(false);
            if (!_initialised.Task.IsCompleted)
            {
                if (!token.IsCancellationRequested)
                {
                    await CloseAsync((WebSocketCloseStatus)TransportWs.InitTimeout, "Connection initialisation timeout").ConfigureAwait(false);
                }

                return;
            }

            if (_settings.KeepAliveInterval <= TimeSpan.Zero)
            {
                return;
            }

            using var timer = new PeriodicTimer(_settings.KeepAliveInterval);
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                await SendAsync(ServerMessages.Ping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
    }

    /// <summary>Sends one text message; false when the connection is closing, broken or too slow.</summary>
    private async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> message)
    {
        if (_closeSent)
        {
            return false;
        }

        if (!_backlog.TryAdd(message.Length))
        {
            await CloseSlowConsumerAsync($"Slow consumer: more than {_settings.MaxSendBacklog} bytes waiting to be sent").ConfigureAwait(false);
            return false;
        }

        try
        {
            return await SendInTurnAsync(message).ConfigureAwait(false);
        }
        finally
        {
            _backlog.Remove(message.Length);
        }
    }

    private async ValueTask<bool> SendInTurnAsync(ReadOnlyMemory<byte> message)
    {
        try
        {
            // Bounded: whoever holds the lock gives up after SendTimeout.
            await _sendLock.WaitAsync(_connection.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }

        try
        {
            if (_closeSent)
            {
                return false;
            }

            await SendWithinTimeoutAsync(message, static (socket, message, token) => socket.SendAsync(message, WebSocketMessageType.Text, true, token)).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Runs one send (holding the send lock) with <c>SendTimeout</c>. A send cancelled by the timeout aborts the socket
    /// (WebSocket sends cannot be resumed): the client took nothing for that long, so the connection ends.
    /// </summary>
    private async ValueTask SendWithinTimeoutAsync(ReadOnlyMemory<byte> message, Func<WebSocket, ReadOnlyMemory<byte>, CancellationToken, ValueTask> send)
    {
        _sendTimeout.CancelAfter(_settings.SendTimeout);
        try
        {
            await send(_socket, message, _sending.Token).ConfigureAwait(false);
            _sendTimeout.CancelAfter(Timeout.InfiniteTimeSpan);
        }
        catch (Exception) when (_sendTimeout.IsCancellationRequested)
        {
            // The timeout fired (the send ends with a cancellation or, racing the abort, a socket error).
            SubscriptionLog.SlowConsumerDropped(_logger, _settings.SendTimeout.TotalSeconds);
            CancelConnection();
            throw;
        }
    }

    /// <summary>Closes with <see cref="SlowConsumerCloseStatus"/>: the close frame goes out after the message being sent, if that one is taken in time.</summary>
    private Task CloseSlowConsumerAsync(string reason)
    {
        SubscriptionLog.SlowConsumerClosed(_logger, reason);
        return CloseAsync(SlowConsumerCloseStatus, reason);
    }

    /// <summary>Sends a close frame (once), stops every operation and gives the client a moment to answer.</summary>
    private async Task CloseAsync(WebSocketCloseStatus status, string? reason)
    {
        if (_closeSent)
        {
            return;
        }

        SubscriptionLog.Closing(_logger, (int)status, reason ?? string.Empty);
        try
        {
            await _sendLock.WaitAsync(_connection.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            if (_closeSent)
            {
                return;
            }

            _closeSent = true;
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await SendWithinTimeoutAsync(default, (socket, _, token) => new ValueTask(socket.CloseOutputAsync(status, reason, token))).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Broken already.
        }
        finally
        {
            _sendLock.Release();
        }

        foreach (var operation in _operations.Values)
        {
            operation.Cancel(byClient: false);
        }

        try
        {
            _connection.CancelAfter(CloseGrace);
        }
        catch (ObjectDisposedException)
        {
            // Ended meanwhile.
        }
    }

    /// <summary>Server shutdown: every operation is completed, then the socket closes with 1001.</summary>
    private async Task ShutdownAsync()
    {
        _shuttingDown = true;
        var running = new List<Task>();
        foreach (var operation in _operations.Values)
        {
            operation.Cancel(byClient: false);
            running.Add(operation.Running);
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(OperationsDrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Close anyway.
        }

        await CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "Server shutting down").ConfigureAwait(false);
    }

    private async Task EndOperationsAsync()
    {
        var running = new List<Task>();
        foreach (var operation in _operations.Values)
        {
            operation.Cancel(byClient: false);
            running.Add(operation.Running);
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(OperationsDrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Their subgraph sockets are aborted by their own close timeout.
        }
    }

    private void CancelConnection()
    {
        try
        {
            _connection.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Ended meanwhile.
        }
    }
}
