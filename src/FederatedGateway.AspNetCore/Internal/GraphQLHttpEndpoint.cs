using FederatedGateway.AspNetCore.Headers;
using FederatedGateway.AspNetCore.Authentication;
using FederatedGateway.Execution.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>
/// The GraphQL-over-HTTP endpoint: method, Accept and Content-Type checks, envelope parsing, execution through
/// <see cref="IGatewayExecutor"/> and the status code mapping of the spec.
/// </summary>
internal sealed class GraphQLHttpEndpoint
{
    private readonly IOptionsMonitor<GatewayOptions> _options;
    private readonly ResponseWriteLimit _writeLimit;
    private readonly ILogger _logger;
    private readonly GatewayAuthenticator _authenticator;
    private readonly ClientHeaderCollector _headers;
    private readonly CrossOriginPolicy _crossOrigin;

    public GraphQLHttpEndpoint(
        IOptionsMonitor<GatewayOptions> options, CrossOriginPolicy crossOrigin, GatewayAuthenticator authenticator, ClientHeaderCollector headers,
        ILogger<GraphQLHttpEndpoint> logger)
    {
        _headers = headers;
        _options = options;
        _authenticator = authenticator;
        _crossOrigin = crossOrigin;
        _writeLimit = new ResponseWriteLimit(options.CurrentValue.ResponseWriteTimeout, LargeBodyWriter.SingleWriteLimit);
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var isGet = HttpMethods.IsGet(request.Method);
        if (_crossOrigin.Handle(context))
        {
            return;
        }

        if (await CsrfGuard.RefuseAsync(context, _options.CurrentValue).ConfigureAwait(false))
        {
            return;
        }

        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "GET, POST";
            await ResponseWriter.WriteErrorAsync(
                response, StatusCodes.Status405MethodNotAllowed, ResponseMediaType.Json,
                $"HTTP method {request.Method} is not supported; use GET or POST.").ConfigureAwait(false);
            return;
        }

        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType == ResponseMediaType.None)
        {
            await ResponseWriter.WriteErrorAsync(
                response, StatusCodes.Status406NotAcceptable, ResponseMediaType.Json,
                "The Accept header allows neither application/graphql-response+json nor application/json.").ConfigureAwait(false);
            return;
        }

        if (!isGet && !MediaTypes.IsSupportedRequestContentType(request.ContentType))
        {
            await ResponseWriter.WriteErrorAsync(
                response, StatusCodes.Status415UnsupportedMediaType, mediaType,
                "POST requests must have Content-Type: application/json (UTF-8).").ConfigureAwait(false);
            return;
        }

        var cancellationToken = context.RequestAborted;
        var options = _options.CurrentValue;
        ParsedGraphQLRequest? parsed;
        EnvelopeError error;
        try
        {
            (parsed, error) = isGet
                ? GraphQLRequestParser.ParseGet(request.Query)
                : await GraphQLRequestParser.ParsePostAsync(context, options.MaxRequestBodySize, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException || IsClientGone(ex, cancellationToken))
        {
            // The client aborted or reset the connection while sending the body: nobody to answer.
            return;
        }

        if (parsed is null)
        {
            await ResponseWriter.WriteErrorAsync(response, error.StatusCode, mediaType, error.Message).ConfigureAwait(false);
            return;
        }

        using (parsed)
        {
            var identity = await _authenticator.AuthenticateAsync(context).ConfigureAwait(false);
            var gatewayRequest = new GatewayRequest
            {
                Query = parsed.Query,
                OperationName = parsed.OperationName,
                Variables = parsed.Variables,
                Extensions = parsed.Extensions,
                IsGet = isGet,
                ForwardHeaders = _headers.Collect(request),
                Identity = identity,
                RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
                ClientName = ClientHeaders.Name(request),
                ClientVersion = ClientHeaders.Version(request),
                TraceParent = ClientHeaders.TraceParent(request),
                TraceState = ClientHeaders.TraceState(request),
            };

            var executor = context.RequestServices.GetRequiredService<IGatewayExecutor>();
            GatewayResult result;
            try
            {
                result = await executor.ExecuteAsync(gatewayRequest, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsClientGone(ex, cancellationToken))
            {
                return;
            }
            catch (Exception ex)
            {
                Log.ExecutionFailed(_logger, ex);
                if (!response.HasStarted)
                {
                    await ResponseWriter.WriteErrorAsync(
                        response, StatusCodes.Status500InternalServerError, mediaType,
                        "Internal server error.", ResponseWriter.InternalServerErrorCode).ConfigureAwait(false);
                }

                return;
            }

            int statusCode;
            switch (result.Kind)
            {
                case GatewayResultKind.Executed:
                    statusCode = StatusCodes.Status200OK;
                    break;
                case GatewayResultKind.RequestError:
                    statusCode = mediaType == ResponseMediaType.GraphQLResponseJson
                        ? StatusCodes.Status400BadRequest
                        : StatusCodes.Status200OK;
                    break;
                case GatewayResultKind.MethodNotAllowed:
                    statusCode = StatusCodes.Status405MethodNotAllowed;
                    response.Headers.Allow = "POST";
                    break;
                case GatewayResultKind.Unauthenticated:
                    statusCode = StatusCodes.Status401Unauthorized;
                    response.Headers.WWWAuthenticate = "Bearer";
                    break;
                case GatewayResultKind.RateLimited:
                    statusCode = StatusCodes.Status429TooManyRequests;
                    ClientHeaders.SetRetryAfter(response, result.RetryAfter);
                    break;
                case GatewayResultKind.Overloaded:
                    statusCode = StatusCodes.Status503ServiceUnavailable;
                    ClientHeaders.SetRetryAfter(response, result.RetryAfter);
                    break;
                default:
                    statusCode = StatusCodes.Status500InternalServerError;
                    break;
            }

            try
            {
                _writeLimit.Apply(context);
                await ResponseWriter.WriteBodyAsync(response, statusCode, MediaTypes.ContentType(mediaType), result.Body).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsClientGone(ex, cancellationToken))
            {
                // The client went away while the response was written.
            }
            finally
            {
                // The body's pooled buffer goes back once Kestrel has taken the bytes.
                result.Dispose();
            }
        }
    }

    private static bool IsClientGone(Exception exception, CancellationToken requestAborted) =>
        requestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException;

}
