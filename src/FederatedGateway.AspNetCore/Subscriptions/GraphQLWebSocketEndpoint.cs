using FederatedGateway.AspNetCore.Headers;
using System.Net.WebSockets;
using FederatedGateway.AspNetCore.Authentication;
using FederatedGateway.Execution.Pipeline.Stages;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Subscriptions;

/// <summary>Accepts WebSocket upgrades at the GraphQL endpoint and serves them with <see cref="GraphQLWebSocketSession"/>.</summary>
internal sealed class GraphQLWebSocketEndpoint
{
    private readonly IOptionsMonitor<GatewayOptions> _options;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger _logger;
    private readonly GatewayAuthenticator _authenticator;
    private readonly ClientHeaderCollector _headers;

    public GraphQLWebSocketEndpoint(
        IOptionsMonitor<GatewayOptions> options, GatewayAuthenticator authenticator, ClientHeaderCollector headers,
        ILogger<GraphQLWebSocketEndpoint> logger, IHostApplicationLifetime? lifetime = null)
    {
        _headers = headers;
        _options = options;
        _authenticator = authenticator;
        _logger = logger;
        _lifetime = lifetime;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var options = _options.CurrentValue;

        // Credentials come with the upgrade request: refused ones (or none, where required) get 401 and no socket.
        var identity = await _authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (identity?.Failure is { } failure || (_authenticator.IsRequired && identity?.IsAuthenticated != true))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Internal.ResponseWriter.WriteErrorAsync(context.Response, StatusCodes.Status401Unauthorized, Internal.ResponseMediaType.Json,
                identity?.Failure is { } reason ? IdentityStage.FailureMessage(reason) : IdentityStage.RequiredMessage,
                IdentityStage.UnauthenticatedCode).ConfigureAwait(false);
            return;
        }

        var requested = context.WebSockets.WebSocketRequestedProtocols;
        var speaksProtocol = requested.Contains(TransportWs.Subprotocol, StringComparer.Ordinal);
        WebSocket socket;
        try
        {
            socket = await context.WebSockets.AcceptWebSocketAsync(speaksProtocol ? TransportWs.Subprotocol : null).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or WebSocketException)
        {
            return;
        }

        using (socket)
        {
            if (!speaksProtocol)
            {
                await RefuseAsync(socket, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            var executor = context.RequestServices.GetRequiredService<IGatewayExecutor>();
            using var session = new GraphQLWebSocketSession(
                socket, executor, options.Subscriptions,
                new WebSocketClient(_headers.Collect(context.Request), identity, context.Connection.RemoteIpAddress?.ToString(), Internal.ClientHeaders.Name(context.Request), Internal.ClientHeaders.Version(context.Request)),
                _logger);
            await session.RunAsync(context.RequestAborted, _lifetime?.ApplicationStopping ?? CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task RefuseAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseAsync((WebSocketCloseStatus)TransportWs.SubprotocolNotAcceptable, "Subprotocol not acceptable: use graphql-transport-ws", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or WebSocketException)
        {
            // The client is gone.
        }
    }
}
