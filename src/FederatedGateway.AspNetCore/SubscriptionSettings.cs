using FederatedGateway.Execution.Subscriptions;

namespace FederatedGateway.AspNetCore;

/// <summary>
/// Subscriptions and other operations over WebSocket (<c>graphql-transport-ws</c>) and Server-Sent Events
/// (<c>graphql-sse</c>, distinct connections), configuration <c>Gateway:Subscriptions</c>.
/// </summary>
public sealed class SubscriptionSettings
{
    /// <summary>Serve WebSocket and SSE clients at the GraphQL endpoint. Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time a WebSocket client has to send <c>connection_init</c> before the socket is closed with 4408. Default 10 s.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the server pings WebSocket clients and writes an SSE comment to idle streams; zero turns it off. Default 12 s.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>
    /// How often the server sends a WebSocket protocol ping frame; zero turns liveness checks off. Default 15 s. Unlike
    /// the graphql-transport-ws <c>ping</c> message (<see cref="KeepAliveInterval"/>), a ping frame must be answered by
    /// the client's WebSocket stack, which only does so while it reads: a client that stopped reading is found out even
    /// when too little traffic goes to it to fill the socket buffers.
    /// </summary>
    public TimeSpan WebSocketPingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time a client has to answer a ping frame with a pong before its connection is aborted and its operations end. Default 15 s.</summary>
    public TimeSpan WebSocketPongTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Operations one WebSocket connection may run at once; more get an <c>error</c> message. Default 100.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 100;

    /// <summary>Largest message accepted from a WebSocket client, in bytes; larger ones close the socket with 1009. Default 64 KiB.</summary>
    public int MaxMessageSize { get; set; } = 64 * 1024;

    /// <summary>Largest message accepted from a subgraph subscription, in bytes; larger ones end the subscription with an error. Default 1 MiB.</summary>
    public int MaxSubgraphMessageSize { get; set; } = 1024 * 1024;

    /// <summary>Time to open a subscription on a subgraph (connect and <c>connection_ack</c>). Default 10 s.</summary>
    public TimeSpan SubgraphConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Time a client has to take one message (a WebSocket message; an SSE event of up to <see cref="MaxSubgraphMessageSize"/>
    /// bytes, larger ones get proportionally more). A WebSocket client that takes nothing for this long is dropped (no
    /// close frame can reach a socket that does not read); an SSE stream is aborted. Either way its operations and their
    /// subgraph subscriptions end. More than 1 s. Default 10 s.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Bytes of messages one WebSocket connection may hold waiting to be sent, the one going out included. Each operation
    /// has at most one message waiting (it reads its next event once that one is sent), so this bounds the memory of a
    /// connection whose operations produce large messages faster than the client reads them. A message that would go
    /// over it closes the connection with 1008 (policy violation, reason "Slow consumer ...") and ends its operations; a
    /// single message larger than this is still sent when nothing waits. Default 4 MiB.
    /// </summary>
    public int MaxSendBacklog { get; set; } = 4 * 1024 * 1024;

    internal const string ValidationMessage =
        "Gateway:Subscriptions needs positive ConnectionInitTimeout, SubgraphConnectTimeout, MaxSubscriptionsPerConnection, MaxMessageSize, MaxSubgraphMessageSize and MaxSendBacklog, a SendTimeout over 1 s, a KeepAliveInterval and a WebSocketPingInterval of zero (off) or more, and a positive WebSocketPongTimeout.";

    internal bool IsValid() =>
        ConnectionInitTimeout > TimeSpan.Zero && SubgraphConnectTimeout > TimeSpan.Zero && KeepAliveInterval >= TimeSpan.Zero
        && MaxSubscriptionsPerConnection > 0 && MaxMessageSize > 0 && MaxSubgraphMessageSize > 0
        && SendTimeout > TimeSpan.FromSeconds(1) && MaxSendBacklog > 0
        && WebSocketPingInterval >= TimeSpan.Zero && WebSocketPongTimeout > TimeSpan.Zero;

    /// <summary>The subgraph subscription client these settings imply.</summary>
    public WebSocketSubgraphSubscriberOptions ToSubscriberOptions() => new()
    {
        ConnectTimeout = SubgraphConnectTimeout,
        MaxMessageSize = MaxSubgraphMessageSize,
    };
}
