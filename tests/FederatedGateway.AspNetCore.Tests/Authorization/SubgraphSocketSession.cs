using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using FederatedGateway.Execution.Subscriptions;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.AspNetCore.Tests.Authorization;

/// <summary>
/// The subgraph side of <c>graphql-transport-ws</c>, enough for finite test streams: acknowledges the connection,
/// logs each subscribed document, runs it with GraphQL.NET and sends every event, then <c>complete</c>.
/// </summary>
internal static class SubgraphSocketSession
{
    public static async Task RunAsync(HttpContext context, Action<string> log)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(TransportWs.Subprotocol);
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var aborted = context.RequestAborted;
        using var reader = new WebSocketMessageReader(1024 * 1024);
        try
        {
            while (await reader.ReadAsync(socket, aborted) == WebSocketReadResult.Text)
            {
                using var message = JsonDocument.Parse(reader.Message);
                var type = message.RootElement.GetProperty("type").GetString();
                var id = message.RootElement.TryGetProperty("id", out var i) ? i.GetString() : null;
                if (type == TransportWs.ConnectionInit)
                {
                    await SendAsync(socket, """{"type":"connection_ack"}""", aborted);
                }
                else if (type == TransportWs.Ping)
                {
                    await SendAsync(socket, """{"type":"pong"}""", aborted);
                }
                else if (type == TransportWs.Subscribe && id is not null)
                {
                    var request = serializer.Deserialize<GraphQLRequest>(message.RootElement.GetProperty("payload").GetRawText())!;
                    log(request.Query ?? "");
                    await StreamAsync(socket, context.RequestServices, serializer, id, request, aborted);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The gateway went away.
        }
    }

    private static async Task StreamAsync(
        WebSocket socket, IServiceProvider services, IGraphQLTextSerializer serializer, string id, GraphQLRequest request, CancellationToken aborted)
    {
        var result = await services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.RequestServices = services;
            options.CancellationToken = aborted;
        });
        var events = Channel.CreateUnbounded<string>();
        if (result.Streams is { Count: > 0 } streams)
        {
            using var subscription = streams.Values.First().Subscribe(new ChannelObserver(events.Writer, serializer));
            await foreach (var payload in events.Reader.ReadAllAsync(aborted))
            {
                await SendAsync(socket, $$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"next","payload":{{payload}}}""", aborted);
            }
        }
        else
        {
            await SendAsync(socket, $$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"next","payload":{{serializer.Serialize(result)}}}""", aborted);
        }

        await SendAsync(socket, $$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"complete"}""", aborted);
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
