using FederatedGateway.Execution.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Hosting;

/// <summary>
/// The subgraph side of <c>graphql-transport-ws</c> (how the gateway subscribes): a WebSocket upgrade at the
/// GraphQL path, served by a <see cref="SubgraphSocketConnection"/>.
/// </summary>
internal static class TransportWsEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !context.WebSockets.WebSocketRequestedProtocols.Contains(TransportWs.Subprotocol))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(TransportWs.Subprotocol).ConfigureAwait(false);
        using var connection = new SubgraphSocketConnection(
            socket, context.RequestServices, context.RequestServices.GetRequiredService<SubscriptionTracker>(), DemoRequestContext.TraderIdOf(context.Request.Headers));
        await connection.RunAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
