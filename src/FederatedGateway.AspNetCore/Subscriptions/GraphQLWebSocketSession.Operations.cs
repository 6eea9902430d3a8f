using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;

namespace FederatedGateway.AspNetCore.Subscriptions;

/// <summary>The operations of a connection: <c>subscribe</c> starts one, <c>complete</c> (either side) ends it.</summary>
internal sealed partial class GraphQLWebSocketSession
{
    /// <summary>The <c>extensions.code</c> of a <c>subscribe</c> refused because the connection runs the most operations allowed.</summary>
    public const string LimitExceededCode = "SUBSCRIPTION_LIMIT_EXCEEDED";

    private async Task SubscribeAsync(JsonElement message)
    {
        if (!_initialised.Task.IsCompleted)
        {
            await CloseAsync((WebSocketCloseStatus)TransportWs.Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }

        if (!TryReadId(message, out var id) || !message.TryGetProperty("payload"u8, out var payload) || !IsValidPayload(payload))
        {
            await CloseAsync((WebSocketCloseStatus)TransportWs.BadRequest, "Invalid message received: subscribe needs an id and a payload with a query").ConfigureAwait(false);
            return;
        }

        if (_operations.ContainsKey(id))
        {
            await CloseAsync((WebSocketCloseStatus)TransportWs.SubscriberExists, $"Subscriber for {Truncate(id)} already exists").ConfigureAwait(false);
            return;
        }

        if (_operations.Count >= _settings.MaxSubscriptionsPerConnection)
        {
            await SendAsync(ServerMessages.WithPayload(id, TransportWs.Error, ServerMessages.OneError(
                $"This connection already runs {_settings.MaxSubscriptionsPerConnection} operations, the most allowed; complete one first.", LimitExceededCode))).ConfigureAwait(false);
            return;
        }

        // The message buffer is reused for the next read: the operation keeps its own copy of the payload.
        var owned = JsonDocument.Parse(JsonMarshal.GetRawUtf8Value(payload).ToArray());
        var operation = new WebSocketOperation(id, owned, _connection.Token);
        _operations[id] = operation;
        operation.Running = RunOperationAsync(operation);
    }

    private async Task CompleteAsync(JsonElement message)
    {
        if (!TryReadId(message, out var id))
        {
            await CloseAsync((WebSocketCloseStatus)TransportWs.BadRequest, "Invalid message received: complete needs an id").ConfigureAwait(false);
            return;
        }

        // Completing an unknown or finished id is allowed: the operation may have ended just before.
        if (_operations.TryRemove(id, out var operation))
        {
            operation.Cancel(byClient: true);
        }
    }

    private async Task RunOperationAsync(WebSocketOperation operation)
    {
        await Task.Yield();
        try
        {
            if (_executor is not IGatewayStreamExecutor streams)
            {
                await EndAsync(operation, ServerMessages.OneError("This gateway cannot stream operations.", "SUBSCRIPTIONS_NOT_SUPPORTED")).ConfigureAwait(false);
                return;
            }

            var stream = await streams.StartAsync(Request(operation.Payload.RootElement), operation.Token).ConfigureAwait(false);
            if (stream.Rejection is { } rejection)
            {
                await EndAsync(operation, FederatedGatewayExecutor.ErrorsOf(rejection)).ConfigureAwait(false);
                return;
            }

            await foreach (var message in stream.Messages.WithCancellation(operation.Token).ConfigureAwait(false))
            {
                if (message.Kind == GatewayMessageKind.Error)
                {
                    await EndAsync(operation, message.Payload).ConfigureAwait(false);
                    return;
                }

                if (!await SendAsync(ServerMessages.WithPayload(operation.Id, TransportWs.Next, message.Payload)).ConfigureAwait(false))
                {
                    return;
                }
            }

            await EndAsync(operation, errors: null).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            if (_shuttingDown && !operation.CompletedByClient)
            {
                await EndAsync(operation, errors: null).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            SubscriptionLog.OperationFailed(_logger, ex);
            await EndAsync(operation, ServerMessages.OneError("Internal server error.", "INTERNAL_SERVER_ERROR")).ConfigureAwait(false);
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, WebSocketOperation>(operation.Id, operation));
            operation.Dispose();
        }
    }

    /// <summary>Forgets the operation (its id is free again), then sends <c>complete</c>, or <c>error</c> with <paramref name="errors"/>.</summary>
    private async ValueTask EndAsync(WebSocketOperation operation, ReadOnlyMemory<byte>? errors)
    {
        if (!_operations.TryRemove(new KeyValuePair<string, WebSocketOperation>(operation.Id, operation)) && !_shuttingDown)
        {
            return; // the client completed it: nothing more goes out for this id
        }

        await SendAsync(errors is { } payload
            ? ServerMessages.WithPayload(operation.Id, TransportWs.Error, payload)
            : ServerMessages.Complete(operation.Id)).ConfigureAwait(false);
    }

    private GatewayRequest Request(JsonElement payload) => new()
    {
        Query = payload.GetProperty("query"u8).GetString(),
        OperationName = payload.TryGetProperty("operationName"u8, out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
        Variables = payload.TryGetProperty("variables"u8, out var variables) && variables.ValueKind == JsonValueKind.Object ? variables : default,
        Extensions = payload.TryGetProperty("extensions"u8, out var extensions) && extensions.ValueKind == JsonValueKind.Object ? extensions : default,
        ForwardHeaders = _client.ForwardHeaders,
        Identity = _client.Identity,
        RemoteAddress = _client.RemoteAddress,
        ClientName = _client.ClientName,
        ClientVersion = _client.ClientVersion,
    };

    private static bool TryReadId(JsonElement message, out string id)
    {
        id = string.Empty;
        if (!message.TryGetProperty("id"u8, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        id = value.GetString()!;
        return id.Length > 0;
    }

    private static bool IsValidPayload(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty("query"u8, out var query) && query.ValueKind == JsonValueKind.String
        && OptionalOf(payload, "operationName"u8, JsonValueKind.String)
        && OptionalOf(payload, "variables"u8, JsonValueKind.Object)
        && OptionalOf(payload, "extensions"u8, JsonValueKind.Object);

    private static bool OptionalOf(JsonElement payload, ReadOnlySpan<byte> name, JsonValueKind kind) =>
        !payload.TryGetProperty(name, out var value) || value.ValueKind == kind || value.ValueKind == JsonValueKind.Null;

    /// <summary>Close reasons are at most 123 bytes.</summary>
    private static string Truncate(string id) => id.Length <= 64 ? id : id[..64] + "…";
}
