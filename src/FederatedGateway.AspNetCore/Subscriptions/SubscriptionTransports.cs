using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Subscriptions;

/// <summary>
/// Puts the streaming transports in front of the GraphQL-over-HTTP handler: WebSocket upgrades go to
/// <see cref="GraphQLWebSocketEndpoint"/>, requests accepting <c>text/event-stream</c> to <see cref="GraphQLSseEndpoint"/>,
/// everything else to the handler. The endpoint runs its own WebSocket middleware, so hosts need no <c>UseWebSockets</c>.
/// </summary>
internal static class SubscriptionTransports
{
    public static RequestDelegate Wrap(IEndpointRouteBuilder endpoints, RequestDelegate handler)
    {
        var services = endpoints.ServiceProvider;
        var settings = services.GetRequiredService<IOptions<GatewayOptions>>().Value.Subscriptions;
        if (!settings.Enabled)
        {
            return handler;
        }

        var webSockets = services.GetRequiredService<GraphQLWebSocketEndpoint>();
        var sse = services.GetRequiredService<GraphQLSseEndpoint>();
        RequestDelegate dispatch = context =>
        {
            if (context.WebSockets.IsWebSocketRequest)
            {
                return webSockets.HandleAsync(context);
            }

            return GraphQLSseEndpoint.AcceptsEventStream(context.Request.Headers.Accept) ? sse.HandleAsync(context) : handler(context);
        };

        // Protocol ping frames with a pong deadline find clients that stopped reading (see SubscriptionSettings).
        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets(new WebSocketOptions
        {
            KeepAliveInterval = settings.WebSocketPingInterval,
            KeepAliveTimeout = settings.WebSocketPingInterval > TimeSpan.Zero ? settings.WebSocketPongTimeout : Timeout.InfiniteTimeSpan,
        });
        pipeline.Run(dispatch);
        return pipeline.Build();
    }
}
