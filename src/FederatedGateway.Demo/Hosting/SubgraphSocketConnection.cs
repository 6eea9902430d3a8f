using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using FederatedGateway.Execution.Subscriptions;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Hosting;

/// <summary>
/// One <c>graphql-transport-ws</c> connection to a demo subgraph: operations run through GraphQL.NET; subscription
/// streams are observed until the client completes them or the socket goes away. Messages leave through one
/// channel, in order.
/// </summary>
internal sealed class SubgraphSocketConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly IServiceProvider _services;
    private readonly SubscriptionTracker _tracker;
    private readonly string? _traderId;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, IDisposable> _streams = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closed = new();

    public SubgraphSocketConnection(WebSocket socket, IServiceProvider services, SubscriptionTracker tracker, string? traderId)
    {
        _socket = socket;
        _services = services;
        _tracker = tracker;
        _traderId = traderId;
        _serializer = services.GetRequiredService<IGraphQLTextSerializer>();
    }

    public async Task RunAsync(CancellationToken aborted)
    {
        using var link = aborted.Register(_closed.Cancel);
        var writer = WriteLoopAsync();
        using var reader = new WebSocketMessageReader(1024 * 1024);
        try
        {
            while (await reader.ReadAsync(_socket, _closed.Token).ConfigureAwait(false) == WebSocketReadResult.Text)
            {
                using var message = JsonDocument.Parse(reader.Message);
                await HandleAsync(message.RootElement).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or JsonException or IOException)
        {
            // The gateway went away (or broke the protocol): the streams end below.
        }
        finally
        {
            foreach (var id in _streams.Keys)
                EndStream(id);
            _outgoing.Writer.TryComplete();
            await writer.ConfigureAwait(false);
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
                {
                    // Gone.
                }
            }
        }
    }

    public void Dispose() => _closed.Dispose();

    private async Task HandleAsync(JsonElement message)
    {
        var type = message.TryGetProperty("type", out var t) ? t.GetString() : null;
        var id = message.TryGetProperty("id", out var i) ? i.GetString() : null;
        switch (type)
        {
            case TransportWs.ConnectionInit:
                Send("""{"type":"connection_ack"}""");
                break;
            case TransportWs.Ping:
                Send("""{"type":"pong"}""");
                break;
            case TransportWs.Subscribe when id is not null && message.TryGetProperty("payload", out var payload):
                await StartAsync(id, _serializer.Deserialize<GraphQLRequest>(payload.GetRawText())!).ConfigureAwait(false);
                break;
            case TransportWs.Complete when id is not null:
                EndStream(id);
                break;
        }
    }

    private async Task StartAsync(string id, GraphQLRequest request)
    {
        var result = await _services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.RequestServices = _services;
            options.UserContext = new DemoRequestContext { TraderId = _traderId };
            options.CancellationToken = _closed.Token;
        }).ConfigureAwait(false);

        if (result.Streams is not { Count: > 0 } streams)
        {
            if (result.Executed)
            {
                Send(Message(id, TransportWs.Next, _serializer.Serialize(result)));
                Send(Message(id, TransportWs.Complete, null));
            }
            else
            {
                using var errors = JsonDocument.Parse(_serializer.Serialize(result));
                Send(Message(id, TransportWs.Error, errors.RootElement.GetProperty("errors").GetRawText()));
            }

            return;
        }

        _tracker.Started();
        var observer = new StreamObserver(this, id);
        var subscription = streams.Values.First().Subscribe(observer);
        if (!_streams.TryAdd(id, subscription))
        {
            subscription.Dispose();
            _tracker.Ended();
        }
    }

    private void EndStream(string id)
    {
        if (_streams.TryRemove(id, out var subscription))
        {
            subscription.Dispose();
            _tracker.Ended();
        }
    }

    private void Send(string message) => _outgoing.Writer.TryWrite(message);

    private static string Message(string id, string type, string? payload)
    {
        var sb = new StringBuilder("{\"id\":").Append(JsonSerializer.Serialize(id)).Append(",\"type\":\"").Append(type).Append('"');
        if (payload is not null)
            sb.Append(",\"payload\":").Append(payload);
        return sb.Append('}').ToString();
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync().ConfigureAwait(false))
                await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, _closed.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            _closed.Cancel();
        }
    }

    private sealed class StreamObserver(SubgraphSocketConnection connection, string id) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => connection.Send(Message(id, TransportWs.Next, connection._serializer.Serialize(value)));

        public void OnError(Exception error)
        {
            connection.Send(Message(id, TransportWs.Error, """[{"message":"The event stream failed."}]"""));
            connection.EndStream(id);
        }

        public void OnCompleted()
        {
            connection.Send(Message(id, TransportWs.Complete, null));
            connection.EndStream(id);
        }
    }
}
