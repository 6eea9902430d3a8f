using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace FederatedGateway.FunctionalTests.Subscriptions;

/// <summary>A test client for graphql-transport-ws over a real <see cref="ClientWebSocket"/>; every wait is bounded.</summary>
public sealed class TransportWsClient : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket = new();

    private TransportWsClient()
    {
    }

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<TransportWsClient> ConnectAsync(
        string httpEndpoint, string? subprotocol = "graphql-transport-ws", IReadOnlyDictionary<string, string>? headers = null)
    {
        var client = new TransportWsClient();
        if (subprotocol is not null)
        {
            client._socket.Options.AddSubProtocol(subprotocol);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            client._socket.Options.SetRequestHeader(name, value);
        }

        using var timeout = new CancellationTokenSource(Wait);
        await client._socket.ConnectAsync(new Uri(httpEndpoint.Replace("http://", "ws://", StringComparison.Ordinal)), timeout.Token);
        return client;
    }

    /// <summary>Connects and completes the connection_init / connection_ack handshake.</summary>
    public static async Task<TransportWsClient> ConnectAndInitAsync(string httpEndpoint, IReadOnlyDictionary<string, string>? headers = null)
    {
        var client = await ConnectAsync(httpEndpoint, headers: headers);
        await client.SendAsync(new { type = "connection_init" });
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) => SendTextAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Sends <paramref name="utf8"/> as one text message, whether or not it is valid UTF-8.</summary>
    public async Task SendTextAsync(byte[] utf8)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await _socket.SendAsync(utf8, WebSocketMessageType.Text, true, timeout.Token);
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message other than a keep-alive ping; fails when the socket closes or nothing comes in time.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? wait = null)
    {
        while (true)
        {
            var message = await ReceiveOrCloseAsync(wait);
            Assert.True(message is not null, $"The socket closed: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
            if (message.Value.GetProperty("type").GetString() != "ping")
            {
                return message.Value;
            }
        }
    }

    /// <summary>The next message, or null when the server closed the socket.</summary>
    public async Task<JsonElement?> ReceiveOrCloseAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? Wait);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            }
        }
    }

    /// <summary>Reads until the server closes; returns the close code.</summary>
    public async Task<int> ClosedWithAsync()
    {
        while (await ReceiveOrCloseAsync() is not null)
        {
        }

        return (int)_socket.CloseStatus!.Value;
    }

    /// <summary>Drops the TCP connection without a close handshake (a client that just disappears).</summary>
    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
            }
        }

        _socket.Dispose();
    }
}
