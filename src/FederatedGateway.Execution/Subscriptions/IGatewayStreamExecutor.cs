using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Subscriptions;

/// <summary>Runs operations for streaming transports (WebSocket, Server-Sent Events), subscriptions included.</summary>
public interface IGatewayStreamExecutor
{
    /// <summary>
    /// Prepares <paramref name="request"/> against the current schema snapshot; the returned stream keeps that
    /// snapshot to its end, whatever reloads happen meanwhile.
    /// </summary>
    ValueTask<GatewayStream> StartAsync(GatewayRequest request, CancellationToken cancellationToken);
}
