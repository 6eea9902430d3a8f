using System.Diagnostics;

namespace FederatedGateway.Execution.Subscriptions;

/// <summary>Settings of <see cref="WebSocketSubgraphSubscriber"/>.</summary>
public sealed class WebSocketSubgraphSubscriberOptions
{
    /// <summary>Time to connect to the subgraph and get its <c>connection_ack</c>. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest message accepted from a subgraph, in bytes; a larger one ends the subscription. Default 1 MiB.</summary>
    public int MaxMessageSize { get; init; } = 1024 * 1024;

    /// <summary>How long ending a subscription may wait for the subgraph to close the socket. Default 2 s.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// What the WebSocket handshake writes from the current activity (<c>traceparent</c>, <c>tracestate</c>,
    /// <c>baggage</c>): nothing by default (null), as for subgraph fetches (see
    /// <see cref="Transport.HttpSubgraphClientOptions.ActivityHeadersPropagator"/>).
    /// </summary>
    public DistributedContextPropagator? ActivityHeadersPropagator { get; init; }
}
