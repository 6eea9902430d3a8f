using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Subscriptions;

/// <summary>
/// One <c>graphql-transport-ws</c> client connection carrying one subscription (id <c>"1"</c>) to a subgraph.
/// Cancelling the token given to <see cref="OpenAsync"/> sends <c>complete</c> and starts the close handshake;
/// a receive still pending is aborted after the close timeout.
/// </summary>
internal sealed class UpstreamConnection : IAsyncDisposable
{
    private static readonly byte[] s_init = """{"type":"connection_init"}"""u8.ToArray();
    private static readonly byte[] s_pong = """{"type":"pong"}"""u8.ToArray();
    private static readonly byte[] s_complete = """{"id":"1","type":"complete"}"""u8.ToArray();
    private static readonly byte[] s_subscribePrefix = """{"id":"1","type":"subscribe","payload":"""u8.ToArray();

    private readonly WebSocketSubgraphSubscriberOptions _options;
    private readonly string _serviceName;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _abort = new();
    private readonly WebSocketMessageReader _reader;
    private CancellationTokenRegistration _registration;
    private volatile bool _finished;
    private int _ending;

    public UpstreamConnection(WebSocketSubgraphSubscriberOptions options, string serviceName)
    {
        _options = options;
        _serviceName = serviceName;
        _reader = new WebSocketMessageReader(options.MaxMessageSize);
        _socket.Options.AddSubProtocol(TransportWs.Subprotocol);
    }

    /// <summary>Connects, initialises and subscribes; returns a failure event, or null when subscribed.</summary>
    /// <param name="handshakes">Sends the WebSocket handshake (its handler's settings apply).</param>
    public async ValueTask<SubgraphEvent?> OpenAsync(Uri uri, HttpMessageInvoker handshakes, SubgraphRequest request, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in request.Headers ?? [])
        {
            try
            {
                _socket.Options.SetRequestHeader(name, value);
            }
            catch (ArgumentException)
            {
                // A header the WebSocket handshake owns (Connection, Upgrade, Sec-WebSocket-*): not forwarded.
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await _socket.ConnectAsync(uri, handshakes, timeout.Token).ConfigureAwait(false);
            if (_socket.SubProtocol != TransportWs.Subprotocol)
            {
                return Fail("the subgraph does not speak graphql-transport-ws");
            }

            await SendAsync(s_init, timeout.Token).ConfigureAwait(false);
            if (!await AwaitAckAsync(timeout.Token).ConfigureAwait(false))
            {
                return Fail("the subgraph did not acknowledge the connection");
            }

            var subscribe = new byte[s_subscribePrefix.Length + request.Body.Length + 1];
            s_subscribePrefix.CopyTo(subscribe, 0);
            request.Body.Span.CopyTo(subscribe.AsSpan(s_subscribePrefix.Length));
            subscribe[^1] = (byte)'}';
            await SendAsync(subscribe, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail($"no connection within {_options.ConnectTimeout.TotalSeconds:0.###} s");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException)
        {
            // The exception's text names the host: it is logged, the client hears what kind of failure it was.
            return Fail(ex is HttpRequestException http ? TransportFailure.Describe(http.HttpRequestError) : "no connection could be made", ex);
        }

        _registration = cancellationToken.Register(static state => ((UpstreamConnection)state!).BeginEnd(), this);
        return null;
    }

    /// <summary>The next event; null when the subgraph completed the operation or the subscription was ended here.</summary>
    public async ValueTask<SubgraphEvent?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            WebSocketReadResult read;
            try
            {
                read = await _reader.ReadAsync(_socket, _abort.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
            {
                return cancellationToken.IsCancellationRequested || _ending != 0 ? null : Fail("the connection was lost", ex);
            }

            switch (read)
            {
                case WebSocketReadResult.Closed:
                    _finished = true;
                    return cancellationToken.IsCancellationRequested || _ending != 0
                        ? null
                        : Fail($"the subgraph closed the connection ({(int?)_socket.CloseStatus} {_socket.CloseStatusDescription})");
                case WebSocketReadResult.TooLarge:
                    return Fail($"a message is larger than {_options.MaxMessageSize} bytes");
                case WebSocketReadResult.Binary:
                    return Fail("a binary message is not part of graphql-transport-ws");
            }

            var (type, message) = Parse(_reader.Message);
            using (message)
            {
                switch (type)
                {
                    case TransportWs.Ping:
                        await TrySendAsync(s_pong).ConfigureAwait(false);
                        continue;
                    case TransportWs.Pong:
                        continue;
                    case TransportWs.Next when Payload(message, JsonValueKind.Object) is { } payload:
                        return new SubgraphEvent(SubgraphEventKind.Next, Copy(default, payload, default));
                    case TransportWs.Error when Payload(message, JsonValueKind.Array) is { } errors:
                        _finished = true;
                        return new SubgraphEvent(SubgraphEventKind.Error, Copy("""{"errors":"""u8, errors, "}"u8));
                    case TransportWs.Complete:
                        _finished = true;
                        return null;
                    default:
                        return Fail("the subgraph sent a message graphql-transport-ws does not allow");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _registration.DisposeAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _ending, 1) == 0 && _socket.State == WebSocketState.Open)
        {
            // The stream ended here (the consumer stopped reading): complete the operation and close politely.
            using var timeout = new CancellationTokenSource(_options.CloseTimeout);
            try
            {
                if (!_finished)
                {
                    await SendAsync(s_complete, timeout.Token).ConfigureAwait(false);
                }

                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
                // The subgraph is gone or slow: the abort below ends the connection anyway.
            }
        }

        _abort.Cancel();
        _socket.Abort();
        _socket.Dispose();
        _reader.Dispose();
        _abort.Dispose();
    }

    private void BeginEnd()
    {
        if (Interlocked.Exchange(ref _ending, 1) == 0)
        {
            _ = EndAsync();
        }
    }

    private async Task EndAsync()
    {
        try
        {
            if (!_finished)
            {
                await SendAsync(s_complete, CancellationToken.None).ConfigureAwait(false);
            }

            await _sendLock.WaitAsync().ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // Already closed or broken.
        }

        try
        {
            _abort.CancelAfter(_options.CloseTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection was disposed meanwhile.
        }
    }

    private async ValueTask<bool> AwaitAckAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await _reader.ReadAsync(_socket, cancellationToken).ConfigureAwait(false);
            if (read != WebSocketReadResult.Text)
            {
                return false;
            }

            var (type, message) = Parse(_reader.Message);
            message?.Dispose();
            switch (type)
            {
                case TransportWs.ConnectionAck:
                    return true;
                case TransportWs.Ping:
                    await SendAsync(s_pong, cancellationToken).ConfigureAwait(false);
                    break;
                case TransportWs.Pong:
                    break;
                default:
                    return false;
            }
        }
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async ValueTask TrySendAsync(ReadOnlyMemory<byte> message)
    {
        try
        {
            await SendAsync(message, _abort.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The next receive reports the broken connection.
        }
    }

    /// <summary>The message's <c>type</c> (interned for the known ones) and its parsed document; (null, null) for non-JSON.</summary>
    private static (string? Type, JsonDocument? Message) Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            return (null, null);
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("type"u8, out var type)
            && type.ValueKind == JsonValueKind.String)
        {
            return (KnownType(type), document);
        }

        return (null, document);
    }

    private static string? KnownType(JsonElement type)
    {
        foreach (var known in s_types)
        {
            if (type.ValueEquals(known))
            {
                return known;
            }
        }

        return null;
    }

    private static readonly string[] s_types =
    [
        TransportWs.Next, TransportWs.Ping, TransportWs.Pong, TransportWs.Complete, TransportWs.Error, TransportWs.ConnectionAck,
    ];

    private static JsonElement? Payload(JsonDocument? message, JsonValueKind kind) =>
        message is not null && message.RootElement.TryGetProperty("payload"u8, out var payload) && payload.ValueKind == kind ? payload : null;

    /// <summary>A pooled copy of <paramref name="value"/>'s JSON between a prefix and a suffix.</summary>
    private static SubgraphResponse Copy(ReadOnlySpan<byte> prefix, JsonElement value, ReadOnlySpan<byte> suffix)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var length = prefix.Length + raw.Length + suffix.Length;
        var rented = PooledArrays.Rent(length);
        prefix.CopyTo(rented);
        raw.CopyTo(rented.AsSpan(prefix.Length));
        suffix.CopyTo(rented.AsSpan(prefix.Length + raw.Length));
        return SubgraphResponse.FromBody(rented, length, 200);
    }

    private SubgraphEvent Fail(string reason, Exception? cause = null) =>
        SubgraphEvent.Failed($"Subscription to '{_serviceName}' failed: {reason}", WebSocketSubgraphSubscriber.FailureCode, cause);
}
