using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.FunctionalTests.Hostile.Runtime;

/// <summary>
/// A graphql-transport-ws subgraph whose every subscription (to the demo's <c>orderStatusChanged { id status }</c>)
/// pushes <see cref="EventSize"/>-byte events as fast as the gateway reads them, until the gateway completes it or
/// drops the socket. Counts the subscriptions running and those that ended.
/// </summary>
public sealed class FirehoseSubscriptions
{
    public const int EventSize = 256 * 1024;

    private static readonly byte[] Ack = """{"type":"connection_ack"}"""u8.ToArray();

    private int _running;
    private int _ended;
    private long _sent;

    /// <summary>How the last subscription ended, for failure messages.</summary>
    public string? LastEnd { get; private set; }

    public int Running => Volatile.Read(ref _running);

    public int Ended => Volatile.Read(ref _ended);

    /// <summary>Events handed to the gateway's socket, over all subscriptions.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public async Task ServeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync("graphql-transport-ws");
        var buffer = new byte[64 * 1024];
        try
        {
            var init = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (!Encoding.UTF8.GetString(buffer, 0, init.Count).Contains("connection_init", StringComparison.Ordinal))
            {
                return;
            }

            await socket.SendAsync(Ack, WebSocketMessageType.Text, true, context.RequestAborted);
            var subscribe = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (!Encoding.UTF8.GetString(buffer, 0, subscribe.Count).Contains("\"subscribe\"", StringComparison.Ordinal))
            {
                return;
            }

            Interlocked.Increment(ref _running);
            try
            {
                await PushUntilEndedAsync(socket, buffer, context.RequestAborted);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                Interlocked.Increment(ref _ended);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The gateway dropped the connection.
        }
    }

    /// <summary>Sends events while watching for the gateway's <c>complete</c> or close.</summary>
    private async Task PushUntilEndedAsync(WebSocket socket, byte[] buffer, CancellationToken aborted)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var watching = WatchAsync(socket, buffer, ended);
        var message = Event();
        try
        {
            while (!ended.IsCancellationRequested)
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, true, ended.Token);
                Interlocked.Increment(ref _sent);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            LastEnd = "push: " + ex.GetType().Name + " " + ex.Message;
        }

        await ended.CancelAsync();
        await watching;
    }

    private async Task WatchAsync(WebSocket socket, byte[] buffer, CancellationTokenSource ended)
    {
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, ended.Token);
                if (received.MessageType == WebSocketMessageType.Close || Encoding.UTF8.GetString(buffer, 0, received.Count).Contains("\"complete\"", StringComparison.Ordinal))
                {
                    LastEnd = "watch: " + received.MessageType + " " + Encoding.UTF8.GetString(buffer, 0, received.Count);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
        }

        await ended.CancelAsync();
    }

    private static byte[] Event() => Encoding.UTF8.GetBytes(
        "{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{\"orderStatusChanged\":{\"id\":\"" + new string('x', EventSize) + "\",\"status\":\"OPEN\"}}}}");
}
