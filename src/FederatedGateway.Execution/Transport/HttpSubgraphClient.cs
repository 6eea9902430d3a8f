using System.Collections.Concurrent;
using System.Net;
using Polly;

namespace FederatedGateway.Execution.Transport;

/// <summary>
/// Sends GraphQL-over-HTTP POST requests to subgraphs over one shared <see cref="HttpClient"/> (pooled keep-alive
/// connections on a <see cref="SocketsHttpHandler"/>). Thread-safe; create one per gateway process.
/// </summary>
/// <remarks>
/// <para>Every request gets its own timeout (<see cref="HttpSubgraphClientOptions.Timeout"/>) covering the whole exchange.
/// Transport failures are returned as <see cref="SubgraphResponse.Failed"/> with code
/// <see cref="SubgraphFailureCodes.HttpError"/>, <see cref="SubgraphFailureCodes.Timeout"/> or
/// <see cref="SubgraphFailureCodes.ResponseTooLarge"/> (a body over <see cref="HttpSubgraphClientOptions.MaxResponseBodySize"/>,
/// refused by its Content-Length or as soon as that many bytes arrived); only a cancellation of
/// the caller's token throws (<see cref="OperationCanceledException"/>).</para>
/// <para>A response of any status whose body is JSON (a JSON media type, or none, and a body starting with <c>{</c>)
/// is returned as a body with its status code, so a 4xx/5xx GraphQL error response reaches the executor; a response
/// without such a body (an HTML error page, an empty body) is a failure carrying the status code.</para>
/// </remarks>
public sealed class HttpSubgraphClient : ISubgraphClient, IDisposable
{
    private const string AcceptValue = "application/graphql-response+json, application/json";

    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly TimeSpan _timeout;
    private readonly int _maxResponseBodySize;
    private readonly Resilience.SubgraphResiliencePipelines? _resilience;

    /// <summary>
    /// Whether messages carry their subgraph's name in <see cref="HttpRequestMessage.Options"/>: for replica routing,
    /// and for a caller's own handlers. It costs a dictionary per fetch, so not otherwise.
    /// </summary>
    private readonly bool _namesSubgraph;
    private readonly ConcurrentDictionary<string, Uri?> _uris = new(StringComparer.Ordinal);

    /// <summary>Creates a client owning its own <see cref="SocketsHttpHandler"/> built from <paramref name="options"/>.</summary>
    public HttpSubgraphClient(HttpSubgraphClientOptions? options = null)
        : this(CreateHttpClient(options ??= new HttpSubgraphClientOptions()), options, ownsClient: true)
    {
    }

    /// <summary>
    /// Creates a client over an existing <paramref name="httpClient"/> (not disposed by this instance). Only
    /// <see cref="HttpSubgraphClientOptions.Timeout"/> and <see cref="HttpSubgraphClientOptions.MaxResponseBodySize"/>
    /// apply; the handler settings are the caller's.
    /// </summary>
    public HttpSubgraphClient(HttpClient httpClient, HttpSubgraphClientOptions? options = null)
        : this(httpClient, options ?? new HttpSubgraphClientOptions(), ownsClient: false)
    {
    }

    private HttpSubgraphClient(HttpClient httpClient, HttpSubgraphClientOptions options, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Timeout must be positive.");
        }

        if (options.MaxResponseBodySize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxResponseBodySize must be positive.");
        }

        _client = httpClient;
        _ownsClient = ownsClient;
        _timeout = options.Timeout;
        _maxResponseBodySize = options.MaxResponseBodySize;
        _resilience = ownsClient ? options.Resilience : null;
        _namesSubgraph = !ownsClient || options.Replicas is { IsEmpty: false };
    }

    /// <summary>The handler this client uses when it owns its connection pool; exposed for hosts that build their own HttpClient.</summary>
    public static SocketsHttpHandler CreateHandler(HttpSubgraphClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectTimeout = options.ConnectTimeout;
        if (options.Timeout > TimeSpan.Zero && (connectTimeout <= TimeSpan.Zero || connectTimeout > options.Timeout))
        {
            connectTimeout = options.Timeout;
        }

        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            PooledConnectionIdleTimeout = options.PooledConnectionIdleTimeout,
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            ConnectTimeout = connectTimeout > TimeSpan.Zero ? connectTimeout : System.Threading.Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AllowAutoRedirect = false,
            // Compressed answers are decoded by the client itself (ContentDecoding), without a handler layer.
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = options.UseProxy,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = options.ActivityHeadersPropagator,
        };
        options.Tls?.Apply(handler);
        return handler;
    }

    public async ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        var uri = _uris.GetOrAdd(request.Url, static url =>
            Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
                ? parsed
                : null);
        if (uri is null)
        {
            return SubgraphResponse.Failed(
                $"Subgraph \"{request.ServiceName}\" has no valid http(s) URL.",
                SubgraphFailureCodes.HttpError,
                cause: new UriFormatException($"\"{request.Url}\" is not an absolute http or https URL."));
        }

        var timeout = TimeoutSourcePool.Shared.Rent(_timeout);
        var caller = cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), timeout);
        try
        {
            // The pipeline's await is here, not in a method of its own: one async state machine less per fetch.
            HttpResponseMessage sent;
            if (_resilience is null)
            {
                sent = await SendAttemptAsync(uri, request, timeout.Token).ConfigureAwait(false);
            }
            else
            {
                var context = ResilienceContextPool.Shared.Get(timeout.Token);
                try
                {
                    var outcome = await ExecuteResilientAsync(_resilience, uri, request, context).ConfigureAwait(false);
                    outcome.ThrowIfException();
                    sent = outcome.Result!;
                }
                finally
                {
                    ResilienceContextPool.Shared.Return(context);
                }
            }

            using var response = sent;
            return await ReadResponseAsync(request, response, timeout.Token).ConfigureAwait(false);
        }
        catch (Replicas.NoHealthyReplicaException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return SubgraphResponse.Failed(
                $"Subgraph \"{request.ServiceName}\" is unavailable: none of its replicas passes its health checks.",
                SubgraphFailureCodes.Unavailable);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException)
        {
            return SubgraphResponse.Failed(
                $"Subgraph \"{request.ServiceName}\" is unavailable: its last requests failed, and the gateway does not try it again before a short pause.",
                SubgraphFailureCodes.Unavailable);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
        {
            // Only the caller's cancellation is an exception; everything else is a failed response.
            cancellationToken.ThrowIfCancellationRequested();
            // The exception's own text names hosts and ports: it goes to the gateway's log, the client gets the kind of failure.
            return ex switch
            {
                OperationCanceledException when timeout.IsCancellationRequested => SubgraphResponse.Failed(
                    $"Subgraph \"{request.ServiceName}\" did not answer within {FormatTimeout(_timeout)}.",
                    SubgraphFailureCodes.Timeout),
                OperationCanceledException => SubgraphResponse.Failed(
                    $"Subgraph \"{request.ServiceName}\" timed out.", SubgraphFailureCodes.Timeout, cause: ex),
                HttpRequestException http => SubgraphResponse.Failed(
                    $"HTTP request to subgraph \"{request.ServiceName}\" failed: {TransportFailure.Describe(http.HttpRequestError)}.",
                    SubgraphFailureCodes.HttpError,
                    http.StatusCode is { } status ? (int)status : 0,
                    ex),
                _ => SubgraphResponse.Failed(
                    $"HTTP request to subgraph \"{request.ServiceName}\" failed while reading the response.",
                    SubgraphFailureCodes.HttpError,
                    cause: ex),
            };
        }
        finally
        {
            // The response is read and disposed: nothing holds the token any more.
            caller.Dispose();
            TimeoutSourcePool.Shared.Return(timeout);
        }
    }

    /// <summary>
    /// Sends the fetch through its subgraph's retry and circuit-breaker pipeline, a new request message per attempt:
    /// the load benchmark crashed the process (memory corruption) within 30 s when connections were recycled every
    /// 5 s and failed sends were retried by <c>ResilienceHandler</c>, which sends the same message again; attempts of
    /// their own ran 150 s without it. Running the pipeline here also skips the handler's per-request options and
    /// context plumbing.
    /// </summary>
    private ValueTask<Outcome<HttpResponseMessage>> ExecuteResilientAsync(
        Resilience.SubgraphResiliencePipelines resilience, Uri uri, SubgraphRequest request, ResilienceContext context)
    {
        context.Properties.Set(Resilience.SubgraphResiliencePipelines.IdempotentKey, request.Fetch?.Node.OperationKind == Core.Operations.OperationKind.Query);
        return resilience.For(request.ServiceName).ExecuteOutcomeAsync(
            static async (attempt, state) =>
            {
                try
                {
                    return Outcome.FromResult(await state.Client.SendAttemptAsync(state.Uri, state.Request, attempt.CancellationToken).ConfigureAwait(false));
                }
                catch (Exception ex)
                {
                    return Outcome.FromException<HttpResponseMessage>(ex);
                }
            },
            context,
            (Client: this, Uri: uri, Request: request));
    }

    private Task<HttpResponseMessage> SendAttemptAsync(Uri uri, SubgraphRequest request, CancellationToken cancellationToken) =>
        _client.SendAsync(CreateMessage(uri, request, _namesSubgraph), HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private static HttpClient CreateHttpClient(HttpSubgraphClientOptions options)
    {
        HttpMessageHandler handler = CreateHandler(options);
        if (options.Replicas is { IsEmpty: false } replicas)
        {
            // Below the retries and the breaker: every attempt chooses its replica.
            handler = new Replicas.ReplicaRoutingHandler(replicas) { InnerHandler = handler };
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    private static HttpRequestMessage CreateMessage(Uri uri, SubgraphRequest request, bool namesSubgraph)
    {
        var content = new ReadOnlyMemoryContent(request.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        var message = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = content,
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrHigher,
        };
        message.Headers.TryAddWithoutValidation("Accept", AcceptValue);
        message.Headers.TryAddWithoutValidation("Accept-Encoding", ContentDecoding.AcceptEncoding);
        if (namesSubgraph)
        {
            message.Options.Set(Resilience.SubgraphResiliencePipelines.SubgraphKey, request.ServiceName);
        }

        // Within a gateway fetch span, the subgraph gets that span's trace context, never a forwarded client copy.
        var span = Telemetry.TraceParent.CurrentFetch();
        if (span is not null)
        {
            message.Headers.TryAddWithoutValidation(Telemetry.TraceParent.Header, Telemetry.TraceParent.Format(span));
            if (span.TraceStateString is { Length: > 0 } traceState)
            {
                message.Headers.TryAddWithoutValidation(Telemetry.TraceParent.StateHeader, traceState);
            }
        }

        if (request.Headers is { } headers)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                var (name, value) = headers[i];
                if (IsReservedHeader(name) || (span is not null && Telemetry.TraceParent.IsTraceHeader(name)))
                {
                    continue;
                }

                // Request headers go on the message; anything HttpClient classifies as a content header is dropped
                // (the body's own Content-Type/Length are fixed above).
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    private static bool IsReservedHeader(string name) =>
        name.Equals("Accept", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase);

    private async ValueTask<SubgraphResponse> ReadResponseAsync(
        SubgraphRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var contentHeaders = response.Content.Headers;
        // The raw header, not ContentType: that parses it into objects (and takes the headers' lock) on every fetch.
        var contentType = contentHeaders.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;

        if (contentHeaders.ContentLength > _maxResponseBodySize)
        {
            return TooLarge(request, status);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var body = ContentDecoding.Decode(stream, contentHeaders);
        await using (body.ConfigureAwait(false))
        {
            // A decoded body's length is not the Content-Length; the limit applies to the decoded bytes.
            var (buffer, length) = await PooledBodyReader
                .ReadAsync(body, ReferenceEquals(body, stream) ? contentHeaders.ContentLength : null, _maxResponseBodySize, cancellationToken)
                .ConfigureAwait(false);
            if (buffer is null)
            {
                return TooLarge(request, status);
            }

            if (IsJsonMediaType(contentType) && StartsWithJsonObject(buffer.AsSpan(0, length)))
            {
                if (buffer.AsSpan(0, length).StartsWith(Utf8Bom))
                {
                    // Utf8JsonReader does not skip a byte order mark: drop it in place.
                    buffer.AsSpan(Utf8Bom.Length, length - Utf8Bom.Length).CopyTo(buffer);
                    length -= Utf8Bom.Length;
                }

                return SubgraphResponse.FromBody(buffer, length, status);
            }

            Execution.PooledArrays.Return(buffer);
        }

        var described = contentType is null ? "no content type" : $"content type \"{MediaType(contentType)}\"";
        var message = response.IsSuccessStatusCode
            ? $"Subgraph \"{request.ServiceName}\" answered HTTP {status} with {described} and no GraphQL JSON response body."
            : $"Subgraph \"{request.ServiceName}\" answered HTTP {status} {response.ReasonPhrase} with {described}.";
        return SubgraphResponse.Failed(message, SubgraphFailureCodes.HttpError, status);
    }

    /// <summary>An answer over the limit: the rest of it is not read (the connection is drained briefly or dropped).</summary>
    private SubgraphResponse TooLarge(SubgraphRequest request, int status) =>
        SubgraphResponse.Failed(
            $"The response of subgraph \"{request.ServiceName}\" is larger than {_maxResponseBodySize} bytes.",
            SubgraphFailureCodes.ResponseTooLarge,
            status);

    /// <summary>
    /// Whether a Content-Type header value (parameters allowed) is absent, <c>application/json</c>,
    /// <c>application/graphql-response+json</c> or any <c>+json</c> type.
    /// </summary>
    internal static bool IsJsonMediaType(string? contentType)
    {
        if (contentType is null)
        {
            return true;
        }

        var mediaType = MediaType(contentType);
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The media type of a Content-Type header value: what comes before its parameters, trimmed.</summary>
    private static ReadOnlySpan<char> MediaType(string contentType)
    {
        var value = contentType.AsSpan();
        var parameters = value.IndexOf(';');
        return (parameters < 0 ? value : value[..parameters]).Trim();
    }

    /// <summary>True when the first byte after an optional UTF-8 BOM and JSON whitespace is <c>{</c>.</summary>
    internal static bool StartsWithJsonObject(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static string FormatTimeout(TimeSpan timeout) =>
        timeout == System.Threading.Timeout.InfiniteTimeSpan ? "the timeout"
        : timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.###} s"
        : $"{timeout.TotalMilliseconds:0} ms";
}
