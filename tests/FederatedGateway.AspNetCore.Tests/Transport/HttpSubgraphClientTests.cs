using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Execution.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Tests.Transport;

/// <summary><see cref="HttpSubgraphClient"/> against a real tiny Kestrel "subgraph".</summary>
public sealed class HttpSubgraphClientTests : IClassFixture<HttpSubgraphClientTests.SubgraphServer>
{
    private const string Ok = """{"data":{"me":{"id":"1","name":"Ada"}}}""";
    private static readonly byte[] RequestBody = """{"query":"{ me { id name } }","variables":{"é":"🏃"}}"""u8.ToArray();

    private readonly SubgraphServer _server;

    public HttpSubgraphClientTests(SubgraphServer server) => _server = server;

    private SubgraphRequest Request(string path, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new("accounts", new Uri(_server.Host.BaseAddress, path).ToString(), RequestBody) { Headers = headers };

    [Fact]
    public async Task Posts_the_body_as_json_and_returns_the_response_body()
    {
        using var client = new HttpSubgraphClient();

        using var response = await client.SendAsync(
            Request("/ok", [new("Authorization", "Bearer abc"), new("X-Tenant", "t1")]), CancellationToken.None);

        Assert.Null(response.Failure);
        Assert.Null(response.FailureCode);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(Ok, Encoding.UTF8.GetString(response.Body.Span));

        var received = _server.Received["/ok"];
        Assert.Equal("POST", received.Method);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal("application/graphql-response+json, application/json", received.Accept);
        Assert.Equal(RequestBody, received.Body);
        Assert.Equal("Bearer abc", received.Headers["Authorization"]);
        Assert.Equal("t1", received.Headers["X-Tenant"]);
        Assert.False(received.Headers.ContainsKey("Cookie"));
    }

    [Fact]
    public async Task Reuses_one_keep_alive_connection()
    {
        using var client = new HttpSubgraphClient();

        for (var i = 0; i < 10; i++)
        {
            using var response = await client.SendAsync(Request("/connection"), CancellationToken.None);
            Assert.Null(response.Failure);
        }

        Assert.Single(_server.ConnectionIds.Distinct());
    }

    [Fact]
    public async Task Server_error_without_a_graphql_body_is_a_failure_with_its_status()
    {
        using var client = new HttpSubgraphClient();

        using var response = await client.SendAsync(Request("/html-500"), CancellationToken.None);

        Assert.Equal(SubgraphFailureCodes.HttpError, response.FailureCode);
        Assert.Equal(500, response.StatusCode);
        Assert.Contains("500", response.Failure);
        Assert.True(response.Body.IsEmpty);
    }

    [Theory]
    [InlineData("/graphql-400", 400)]
    [InlineData("/graphql-500", 500)]
    [InlineData("/json-503", 503)]
    public async Task Error_status_with_a_graphql_body_returns_the_body(string path, int status)
    {
        using var client = new HttpSubgraphClient();

        using var response = await client.SendAsync(Request(path), CancellationToken.None);

        Assert.Null(response.Failure);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(SubgraphServer.ErrorBody, Encoding.UTF8.GetString(response.Body.Span));
    }

    [Theory]
    [InlineData("APPLICATION/JSON ; charset=UTF-8", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("text/plain", false)]
    [InlineData("text/plain; profile=application/json", false)]
    public async Task Only_a_json_media_type_makes_a_json_body_an_answer(string contentType, bool answer)
    {
        using var client = new HttpSubgraphClient();

        using var response = await client.SendAsync(Request("/typed", [new("X-Answer-Type", contentType)]), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        if (answer)
        {
            Assert.Null(response.Failure);
            Assert.Equal(Ok, Encoding.UTF8.GetString(response.Body.Span));
        }
        else
        {
            Assert.Equal(SubgraphFailureCodes.HttpError, response.FailureCode);
            Assert.Contains($"content type \"{contentType.Split(';')[0]}\"", response.Failure);
        }
    }

    [Fact]
    public async Task Empty_success_body_is_not_a_graphql_response()
    {
        using var client = new HttpSubgraphClient();

        using var response = await client.SendAsync(Request("/empty-200"), CancellationToken.None);

        // Either a failure here or an unparsable body for the executor: never a valid-looking response.
        Assert.True(response.Failure is not null || response.Body.IsEmpty);
    }

    [Fact]
    public async Task Slow_subgraph_times_out()
    {
        using var client = new HttpSubgraphClient(new HttpSubgraphClientOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        var stopwatch = Stopwatch.StartNew();

        using var response = await client.SendAsync(Request("/slow"), CancellationToken.None);

        Assert.Equal(SubgraphFailureCodes.Timeout, response.FailureCode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Body_that_stalls_mid_stream_times_out()
    {
        using var client = new HttpSubgraphClient(new HttpSubgraphClientOptions { Timeout = TimeSpan.FromMilliseconds(300) });

        using var response = await client.SendAsync(Request("/stall-body"), CancellationToken.None);

        Assert.Equal(SubgraphFailureCodes.Timeout, response.FailureCode);
    }

    [Fact]
    public async Task Connection_refused_is_an_http_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new HttpSubgraphClient();

        using var response = await client.SendAsync(
            new SubgraphRequest("accounts", $"http://127.0.0.1:{port}/graphql", RequestBody), CancellationToken.None);

        Assert.Equal(SubgraphFailureCodes.HttpError, response.FailureCode);
        Assert.Equal("HTTP request to subgraph \"accounts\" failed: no connection could be made.", response.Failure);
        Assert.Equal(0, response.StatusCode);
        // The address is the log's (the cause), never the client's (the failure message).
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), response.FailureCause!.ToString());
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/graphql")]
    public async Task Invalid_url_is_an_http_error(string url)
    {
        using var client = new HttpSubgraphClient();

        using var response = await client.SendAsync(new SubgraphRequest("accounts", url, RequestBody), CancellationToken.None);

        Assert.Equal(SubgraphFailureCodes.HttpError, response.FailureCode);
        Assert.DoesNotContain(url, response.Failure);
        Assert.Contains(url, response.FailureCause!.Message);
    }

    [Fact]
    public async Task The_handler_writes_no_trace_headers_and_makes_no_activity_of_its_own()
    {
        // HttpClient's diagnostics layer would make a span per call under the current activity and write the client's
        // trace headers; without a propagator it is not in the handler chain at all.
        using var incoming = new Activity("incoming").SetParentId("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").Start();
        var children = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a => { if (a.ParentSpanId == incoming.SpanId) { children.Add(a.OperationName); } },
        };
        ActivitySource.AddActivityListener(listener);

        using var client = new HttpSubgraphClient();
        using var response = await client.SendAsync(Request("/ok"), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(children);
        var received = _server.Received["/ok"].Headers;
        Assert.False(received.ContainsKey("traceparent") || received.ContainsKey("Request-Id") || received.ContainsKey("baggage"), string.Join(", ", received.Keys));
        using var handler = HttpSubgraphClient.CreateHandler(new HttpSubgraphClientOptions());
        Assert.Null(handler.ActivityHeadersPropagator);
    }

    [Fact]
    public async Task Caller_cancellation_throws()
    {
        using var client = new HttpSubgraphClient();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => (await client.SendAsync(Request("/slow"), cancellation.Token)).Dispose());
    }

    [Fact]
    public async Task Already_cancelled_token_throws()
    {
        using var client = new HttpSubgraphClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => (await client.SendAsync(Request("/ok"), new CancellationToken(canceled: true))).Dispose());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Compressed_response_is_decompressed(string encoding)
    {
        using var client = new HttpSubgraphClient();
        var path = "/compressed/" + encoding;

        using var response = await client.SendAsync(Request(path), CancellationToken.None);

        Assert.Null(response.Failure);
        Assert.Equal(Ok, Encoding.UTF8.GetString(response.Body.Span));
        Assert.Contains(encoding, _server.Received[path].Headers["Accept-Encoding"]);
    }

    [Fact]
    public async Task A_compressed_answer_is_held_to_the_size_limit_once_decoded()
    {
        using var client = new HttpSubgraphClient(new HttpSubgraphClientOptions { MaxResponseBodySize = 1024 * 1024 });

        using var response = await client.SendAsync(Request("/bomb"), CancellationToken.None);

        Assert.Equal(SubgraphFailureCodes.ResponseTooLarge, response.FailureCode);
        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public async Task Large_chunked_body_arrives_whole()
    {
        using var client = new HttpSubgraphClient();

        using var response = await client.SendAsync(Request("/large"), CancellationToken.None);

        Assert.Null(response.Failure);
        Assert.Equal(SubgraphServer.LargeBody, response.Body.ToArray());
    }

    [Fact]
    public async Task Body_over_the_limit_is_a_failure()
    {
        using var client = new HttpSubgraphClient(new HttpSubgraphClientOptions { MaxResponseBodySize = 64 * 1024 });

        using var response = await client.SendAsync(Request("/large"), CancellationToken.None);

        Assert.NotNull(response.Failure);
        Assert.StartsWith("SUBREQUEST_", response.FailureCode);
        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public async Task Concurrent_requests_all_succeed()
    {
        using var client = new HttpSubgraphClient(new HttpSubgraphClientOptions { MaxConnectionsPerServer = 4 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.SendAsync(Request("/ok"), CancellationToken.None).AsTask()));

        try
        {
            Assert.All(responses, response => Assert.Equal(Ok, Encoding.UTF8.GetString(response.Body.Span)));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Disposing_a_response_twice_is_harmless()
    {
        using var client = new HttpSubgraphClient();
        var response = await client.SendAsync(Request("/ok"), CancellationToken.None);

        response.Dispose();
        response.Dispose();

        Assert.True(response.Body.IsEmpty);
    }

    /// <summary>The fake subgraph: one endpoint per behaviour; records what it received.</summary>
    public sealed class SubgraphServer : IAsyncLifetime
    {
        public const string ErrorBody = """{"errors":[{"message":"bad","extensions":{"code":"BAD_USER_INPUT"}}]}""";

        public static readonly byte[] LargeBody = Encoding.UTF8.GetBytes(
            "{\"data\":{\"items\":[" + string.Join(',', Enumerable.Range(0, 200_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]}}");

        public KestrelHost Host { get; private set; } = null!;

        public ConcurrentDictionary<string, ReceivedRequest> Received { get; } = new();

        public ConcurrentQueue<string> ConnectionIds { get; } = new();

        public async Task InitializeAsync()
        {
            Host = await KestrelHost.StartAsync(null, app =>
            {
                app.MapPost("/ok", async context =>
                {
                    await RecordAsync(context);
                    await WriteAsync(context, 200, "application/graphql-response+json; charset=utf-8", Ok);
                });
                app.MapPost("/connection", async context =>
                {
                    ConnectionIds.Enqueue(context.Connection.Id);
                    await WriteAsync(context, 200, "application/json", Ok);
                });
                app.MapPost("/typed", context => WriteAsync(context, 200, context.Request.Headers["X-Answer-Type"].ToString(), Ok));
                app.MapPost("/html-500", context => WriteAsync(context, 500, "text/html", "<html><body>Internal Server Error</body></html>"));
                app.MapPost("/graphql-400", context => WriteAsync(context, 400, "application/graphql-response+json; charset=utf-8", ErrorBody));
                app.MapPost("/graphql-500", context => WriteAsync(context, 500, "application/graphql-response+json", ErrorBody));
                app.MapPost("/json-503", context => WriteAsync(context, 503, "application/json; charset=utf-8", ErrorBody));
                app.MapPost("/empty-200", context =>
                {
                    context.Response.StatusCode = 200;
                    return Task.CompletedTask;
                });
                app.MapPost("/slow", async context =>
                {
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    await WriteAsync(context, 200, "application/json", Ok);
                });
                app.MapPost("/stall-body", async context =>
                {
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("{\"data\":", context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                });
                app.MapPost("/compressed/{encoding}", async context =>
                {
                    await RecordAsync(context);
                    var encoding = (string)context.Request.RouteValues["encoding"]!;
                    using var compressed = new MemoryStream();
                    await using (Stream encoder = encoding switch
                    {
                        "gzip" => new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
                        "deflate" => new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
                        _ => new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
                    })
                    {
                        await encoder.WriteAsync(Encoding.UTF8.GetBytes(Ok));
                    }

                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    context.Response.Headers.ContentEncoding = encoding;
                    context.Response.ContentLength = compressed.Length;
                    await context.Response.Body.WriteAsync(compressed.ToArray());
                });
                app.MapPost("/bomb", async context =>
                {
                    // 16 MB of spaces (valid JSON padding) in about 16 KB of gzip.
                    using var compressed = new MemoryStream();
                    await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                    {
                        await gzip.WriteAsync(Encoding.UTF8.GetBytes("{\"data\":"));
                        var spaces = new byte[1024 * 1024];
                        spaces.AsSpan().Fill((byte)' ');
                        for (var i = 0; i < 16; i++)
                        {
                            await gzip.WriteAsync(spaces);
                        }

                        await gzip.WriteAsync(Encoding.UTF8.GetBytes("null}"));
                    }

                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    context.Response.Headers.ContentEncoding = "gzip";
                    context.Response.ContentLength = compressed.Length;
                    await context.Response.Body.WriteAsync(compressed.ToArray());
                });
                app.MapPost("/large", async context =>
                {
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    for (var offset = 0; offset < LargeBody.Length; offset += 8192)
                    {
                        await context.Response.Body.WriteAsync(LargeBody.AsMemory(offset, Math.Min(8192, LargeBody.Length - offset)));
                    }
                });
            });
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();

        private async Task RecordAsync(HttpContext context)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            Received[context.Request.Path.Value!] = new ReceivedRequest(
                context.Request.Method, context.Request.ContentType, context.Request.Headers.Accept.ToString(), body.ToArray(), headers);
        }

        private static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        }
    }

    public sealed record ReceivedRequest(string Method, string? ContentType, string Accept, byte[] Body, Dictionary<string, string> Headers);
}
