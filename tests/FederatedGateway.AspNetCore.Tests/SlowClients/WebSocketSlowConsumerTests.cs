using System.Net.WebSockets;
using FederatedGateway.AspNetCore.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;

namespace FederatedGateway.AspNetCore.Tests.SlowClients;

/// <summary>
/// A graphql-transport-ws client that does not keep up: with too many bytes waiting it is closed with 1008; when it
/// takes nothing for SendTimeout its socket is aborted. Either way every operation (and its stream) ends.
/// </summary>
public sealed class WebSocketSlowConsumerTests
{
    private const int MessageSize = 400 * 1024;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Messages_piling_up_past_MaxSendBacklog_close_the_connection_with_1008_and_end_every_operation()
    {
        var socket = new ScriptedWebSocket();
        var streams = new EndlessStreams(MessageSize);
        var settings = new SubscriptionSettings { MaxSendBacklog = 1024 * 1024, SendTimeout = Bound, KeepAliveInterval = TimeSpan.Zero };
        using var session = new GraphQLWebSocketSession(socket, streams, settings, null, NullLogger.Instance);
        var running = session.RunAsync(CancellationToken.None, CancellationToken.None);
        await InitAsync(socket);

        socket.Stall = true;
        Subscribe(socket, "1", "2", "3");
        await Eventually(() => socket.Waiting > 0 && streams.Running == 3);
        socket.Stall = false; // the client reads again: the message in flight goes, then the close frame

        await Eventually(() => socket.ClosedWith is not null);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.ClosedWith);
        Assert.StartsWith("Slow consumer", socket.ClosedBecause);
        await Eventually(() => streams.Ended == 3);
        await running.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_client_that_takes_nothing_for_SendTimeout_is_dropped_and_its_operations_end()
    {
        var socket = new ScriptedWebSocket();
        var streams = new EndlessStreams(MessageSize);
        var settings = new SubscriptionSettings { SendTimeout = TimeSpan.FromMilliseconds(300), KeepAliveInterval = TimeSpan.Zero };
        using var session = new GraphQLWebSocketSession(socket, streams, settings, null, NullLogger.Instance);
        var running = session.RunAsync(CancellationToken.None, CancellationToken.None);
        await InitAsync(socket);

        socket.Stall = true;
        Subscribe(socket, "1");

        await running.WaitAsync(Bound);
        Assert.True(socket.Aborted);
        Assert.Null(socket.ClosedWith);
        Assert.Equal(1, streams.Ended);
    }

    [Fact]
    public async Task A_client_that_keeps_up_gets_its_messages()
    {
        var socket = new ScriptedWebSocket();
        var streams = new EndlessStreams(MessageSize);

        // Three operations have at most one message each waiting: 1.2 MB, within the default backlog.
        var settings = new SubscriptionSettings { SendTimeout = Bound, KeepAliveInterval = TimeSpan.Zero };
        using var session = new GraphQLWebSocketSession(socket, streams, settings, null, NullLogger.Instance);
        var running = session.RunAsync(CancellationToken.None, CancellationToken.None);
        await InitAsync(socket);

        Subscribe(socket, "1", "2", "3");
        await Eventually(() => socket.Sent.Count > 30);

        Assert.Null(socket.ClosedWith);
        Assert.False(socket.Aborted);
        socket.Receive("""{"type":"complete","id":"1"}""");
        socket.Receive("""{"type":"complete","id":"2"}""");
        socket.Receive("""{"type":"complete","id":"3"}""");
        await Eventually(() => streams.Ended == 3);
        Assert.Equal(0, streams.Running);
        socket.ReceiveClose();
        await running.WaitAsync(Bound);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.ClosedWith);
    }

    private static async Task InitAsync(ScriptedWebSocket socket)
    {
        socket.Receive("""{"type":"connection_init"}""");
        await Eventually(() => socket.Sent.Count == 1);
        Assert.Contains("connection_ack", socket.Sent[0], StringComparison.Ordinal);
    }

    private static void Subscribe(ScriptedWebSocket socket, params string[] ids)
    {
        foreach (var id in ids)
        {
            socket.Receive($$$"""{"type":"subscribe","id":"{{{id}}}","payload":{"query":"subscription { x }"}}""");
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the session");
            await Task.Delay(10);
        }
    }
}
