using FederatedGateway.Execution.Requests;

namespace FederatedGateway.AspNetCore.Subscriptions;

/// <summary>What the upgrade request told about a WebSocket client; every operation on the connection carries it.</summary>
internal sealed record WebSocketClient(
    IReadOnlyList<KeyValuePair<string, string>>? ForwardHeaders, ClientIdentity? Identity, string? RemoteAddress, string? ClientName, string? ClientVersion = null);
