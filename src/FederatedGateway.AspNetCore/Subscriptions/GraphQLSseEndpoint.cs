using FederatedGateway.AspNetCore.Headers;
using FederatedGateway.AspNetCore.Authentication;
using FederatedGateway.AspNetCore.Internal;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FederatedGateway.AspNetCore.Subscriptions;

/// <summary>
/// <c>graphql-sse</c> in distinct-connections mode: a GET or POST whose <c>Accept</c> asks for <c>text/event-stream</c>
/// gets one event stream for its operation (<c>next</c> events, then <c>complete</c>). A request refused before
/// execution gets a JSON body with its errors and status 400 (405 for a mutation over GET).
/// </summary>
internal sealed class GraphQLSseEndpoint
{
    public const string EventStream = "text/event-stream";

    private readonly IOptionsMonitor<GatewayOptions> _options;
    private readonly ResponseWriteLimit _sendLimit;
    private readonly ILogger _logger;
    private readonly GatewayAuthenticator _authenticator;
    private readonly ClientHeaderCollector _headers;
    private readonly CrossOriginPolicy _crossOrigin;

    public GraphQLSseEndpoint(
        IOptionsMonitor<GatewayOptions> options, CrossOriginPolicy crossOrigin, GatewayAuthenticator authenticator, ClientHeaderCollector headers,
        ILogger<GraphQLSseEndpoint> logger)
    {
        _headers = headers;
        _options = options;
        _authenticator = authenticator;
        _crossOrigin = crossOrigin;
        var subscriptions = options.CurrentValue.Subscriptions;
        _sendLimit = new ResponseWriteLimit(subscriptions.SendTimeout, subscriptions.MaxSubgraphMessageSize);
        _logger = logger;
    }

    /// <summary>True when the request's <c>Accept</c> lists <c>text/event-stream</c> (with a quality above zero).</summary>
    public static bool AcceptsEventStream(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        foreach (var range in ranges)
        {
            if (range.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase) && (range.Quality ?? 1) > 0)
            {
                return true;
            }
        }

        return false;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var options = _options.CurrentValue;
        if (_crossOrigin.Handle(context))
        {
            return;
        }

        if (await CsrfGuard.RefuseAsync(context, options).ConfigureAwait(false))
        {
            return;
        }

        var request = context.Request;
        var response = context.Response;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "GET, POST";
            await ResponseWriter.WriteErrorAsync(response, StatusCodes.Status405MethodNotAllowed, ResponseMediaType.Json,
                $"HTTP method {request.Method} is not supported; use GET or POST.").ConfigureAwait(false);
            return;
        }

        if (!isGet && !MediaTypes.IsSupportedRequestContentType(request.ContentType))
        {
            await ResponseWriter.WriteErrorAsync(response, StatusCodes.Status415UnsupportedMediaType, ResponseMediaType.Json,
                "POST requests must have Content-Type: application/json (UTF-8).").ConfigureAwait(false);
            return;
        }

        var cancellationToken = context.RequestAborted;
        try
        {
            var (parsed, error) = isGet
                ? GraphQLRequestParser.ParseGet(request.Query)
                : await GraphQLRequestParser.ParsePostAsync(context, options.MaxRequestBodySize, cancellationToken).ConfigureAwait(false);
            if (parsed is null)
            {
                await ResponseWriter.WriteErrorAsync(response, error.StatusCode, ResponseMediaType.Json, error.Message).ConfigureAwait(false);
                return;
            }

            using (parsed)
            {
                await StreamAsync(context, options, new GatewayRequest
                {
                    Query = parsed.Query,
                    OperationName = parsed.OperationName,
                    Variables = parsed.Variables,
                    Extensions = parsed.Extensions,
                    IsGet = isGet,
                    ForwardHeaders = _headers.Collect(request),
                    Identity = await _authenticator.AuthenticateAsync(context).ConfigureAwait(false),
                    RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
                    ClientName = ClientHeaders.Name(request),
                    ClientVersion = ClientHeaders.Version(request),
                    TraceParent = ClientHeaders.TraceParent(request),
                    TraceState = ClientHeaders.TraceState(request),
                }).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // The client left: the subscription (and the subgraph's) ended with the cancellation.
        }
    }

    private async Task StreamAsync(HttpContext context, GatewayOptions options, GatewayRequest request)
    {
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        if (context.RequestServices.GetRequiredService<IGatewayExecutor>() is not IGatewayStreamExecutor streams)
        {
            await ResponseWriter.WriteErrorAsync(response, StatusCodes.Status406NotAcceptable, ResponseMediaType.Json,
                "This gateway cannot stream operations.", "SUBSCRIPTIONS_NOT_SUPPORTED").ConfigureAwait(false);
            return;
        }

        var stream = await streams.StartAsync(request, cancellationToken).ConfigureAwait(false);
        if (stream.Rejection is { } rejection)
        {
            var status = StatusCodes.Status400BadRequest;
            if (rejection.Kind == GatewayResultKind.MethodNotAllowed)
            {
                status = StatusCodes.Status405MethodNotAllowed;
                response.Headers.Allow = "POST";
            }
            else if (rejection.Kind == GatewayResultKind.Unauthenticated)
            {
                status = StatusCodes.Status401Unauthorized;
                response.Headers.WWWAuthenticate = "Bearer";
            }
            else if (rejection.Kind is GatewayResultKind.RateLimited or GatewayResultKind.Overloaded)
            {
                status = rejection.Kind == GatewayResultKind.RateLimited ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
                ClientHeaders.SetRetryAfter(response, rejection.RetryAfter);
            }

            await ResponseWriter.WriteBodyAsync(response, status, MediaTypes.JsonUtf8, rejection.Body).ConfigureAwait(false);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = EventStream + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // A stream that stops being read is aborted by Kestrel after SendTimeout, which ends the operation.
        _sendLimit.Apply(context);
        await response.StartAsync(cancellationToken).ConfigureAwait(false);

        // StartAsync only commits the headers: Kestrel sends them with the first body bytes. Flush now, so the client
        // sees the 200 at once instead of with the first event or keep-alive (which can be many seconds away).
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);

        var events = new ServerSentEventWriter(response);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keepAlive = KeepAliveAsync(events, options.Subscriptions.KeepAliveInterval, done.Token);
        try
        {
            await foreach (var message in stream.Messages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (message.Kind == GatewayMessageKind.Error)
                {
                    await events.ErrorsAsync(message.Payload, cancellationToken).ConfigureAwait(false);
                    break;
                }

                await events.NextAsync(message.Payload, cancellationToken).ConfigureAwait(false);
            }

            await events.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not IOException)
        {
            SubscriptionLog.OperationFailed(_logger, ex);
            await events.ErrorsAsync(ServerMessages.OneError("Internal server error.", "INTERNAL_SERVER_ERROR"), cancellationToken).ConfigureAwait(false);
            await events.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            await keepAlive.ConfigureAwait(false);
        }
    }

    private static async Task KeepAliveAsync(ServerSentEventWriter events, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await events.KeepAliveAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The stream ended.
        }
    }
}
