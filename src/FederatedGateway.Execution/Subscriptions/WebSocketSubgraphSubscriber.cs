using System.Runtime.CompilerServices;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Subscriptions;

/// <summary>
/// Subscribes to subgraphs over <c>graphql-transport-ws</c>: one WebSocket per subscription, at the subgraph's URL
/// with <c>http</c>→<c>ws</c> (<c>https</c>→<c>wss</c>). Forwarded headers go on the WebSocket handshake.
/// Ending the stream sends <c>complete</c> and closes the socket (aborted if the subgraph does not close in time).
/// </summary>
public sealed class WebSocketSubgraphSubscriber : ISubgraphSubscriber, IDisposable
{
    /// <summary>The <c>extensions.code</c> of a subscription whose transport to the subgraph failed.</summary>
    public const string FailureCode = "SUBSCRIPTION_SUBGRAPH_FAILED";

    private readonly WebSocketSubgraphSubscriberOptions _options;

    /// <summary>The handshakes' handler: the one place the activity propagator is set (a ClientWebSocket alone would propagate).</summary>
    private readonly HttpMessageInvoker _handshakes;

    public WebSocketSubgraphSubscriber(WebSocketSubgraphSubscriberOptions? options = null)
    {
        _options = options ?? new WebSocketSubgraphSubscriberOptions();
        _handshakes = new HttpMessageInvoker(new SocketsHttpHandler { ActivityHeadersPropagator = _options.ActivityHeadersPropagator });
    }

    public void Dispose() => _handshakes.Dispose();

    public async IAsyncEnumerable<SubgraphEvent> SubscribeAsync(SubgraphRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryWebSocketUri(request.Url, out var uri))
        {
            yield return SubgraphEvent.Failed($"subgraph '{request.ServiceName}' has no HTTP(S) or WS(S) URL to subscribe at", FailureCode);
            yield break;
        }

        var connection = new UpstreamConnection(_options, request.ServiceName);
        try
        {
            var failure = await connection.OpenAsync(uri, _handshakes, request, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                yield return failure;
                yield break;
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                var next = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                if (next is null)
                {
                    yield break;
                }

                yield return next;
                if (next.Kind != SubgraphEventKind.Next)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The WebSocket address of a subgraph URL: http→ws, https→wss, ws/wss as they are.</summary>
    public static bool TryWebSocketUri(string url, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            return false;
        }

        var scheme = parsed.Scheme switch
        {
            "http" or "ws" => "ws",
            "https" or "wss" => "wss",
            _ => null,
        };
        if (scheme is null)
        {
            return false;
        }

        uri = new UriBuilder(parsed) { Scheme = scheme, Port = parsed.IsDefaultPort ? -1 : parsed.Port }.Uri;
        return true;
    }
}
