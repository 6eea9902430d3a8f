namespace FederatedGateway.Execution.Subscriptions;

/// <summary>One message of an operation streamed to a client (WebSocket <c>next</c>/<c>error</c>, SSE <c>next</c>).</summary>
public readonly record struct GatewayMessage(GatewayMessageKind Kind, ReadOnlyMemory<byte> Payload);
