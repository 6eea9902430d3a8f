using System.IO.Compression;
using System.Net;
using System.Text;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Execution.Requests;
using static FederatedGateway.AspNetCore.Tests.Infrastructure.Http;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary>CORS (Gateway:Cors) and brotli/gzip response compression (Gateway:Compression) on a real Kestrel server.</summary>
public sealed class CrossOriginAndCompressionTests
{
    private static readonly string LargeBody = "{\"data\":{\"items\":[" + string.Join(",", Enumerable.Range(0, 300).Select(i => $"{{\"id\":\"{i}\",\"name\":\"item number {i}\"}}")) + "]}}";

    [Fact]
    public async Task Preflight_from_an_allowed_origin_is_answered()
    {
        await using var host = await StartAsync(new() { ["Gateway:Cors:AllowedOrigins:0"] = "https://app.example.test", ["Gateway:ForwardedHeaders:0"] = "X-Tenant" });
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://app.example.test");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type, x-tenant");

        using var response = await host.Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://app.example.test", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal(["GET", "POST"], Header(response, "Access-Control-Allow-Methods").Split(',', StringSplitOptions.TrimEntries));
        Assert.Contains("X-Tenant", Header(response, "Access-Control-Allow-Headers"), StringComparison.Ordinal);
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
    }

    [Fact]
    public async Task Other_origins_get_no_cors_headers_and_a_refused_preflight()
    {
        await using var host = await StartAsync(new() { ["Gateway:Cors:AllowedOrigins:0"] = "https://app.example.test" });
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://evil.example.test");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var refused = await host.Client.SendAsync(preflight);

        var post = Post("/graphql", """{"query":"{ __typename }"}""");
        post.Headers.Add("Origin", "https://evil.example.test");
        using var response = await host.Client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Requests_from_an_allowed_origin_carry_the_headers_and_credentials()
    {
        await using var host = await StartAsync(new() { ["Gateway:Cors:AllowedOrigins:0"] = "https://app.example.test", ["Gateway:Cors:AllowCredentials"] = "true" });
        var post = Post("/graphql", """{"query":"{ __typename }"}""");
        post.Headers.Add("Origin", "https://app.example.test");

        using var response = await host.Client.SendAsync(post);

        Assert.Equal("https://app.example.test", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Fact]
    public async Task A_wildcard_allows_any_origin_only_without_credentials()
    {
        await using var open = await StartAsync(new() { ["Gateway:Cors:AllowedOrigins:0"] = "*" });
        await using var withCredentials = await StartAsync(new() { ["Gateway:Cors:AllowedOrigins:0"] = "*", ["Gateway:Cors:AllowCredentials"] = "true" });

        var anyOrigin = Post("/graphql", """{"query":"{ __typename }"}""");
        anyOrigin.Headers.Add("Origin", "https://elsewhere.example.test");
        using var allowed = await open.Client.SendAsync(anyOrigin);
        var credentialed = Post("/graphql", """{"query":"{ __typename }"}""");
        credentialed.Headers.Add("Origin", "https://elsewhere.example.test");
        using var refused = await withCredentials.Client.SendAsync(credentialed);

        Assert.Equal("*", Header(allowed, "Access-Control-Allow-Origin"));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_configured_origins_options_requests_are_not_allowed()
    {
        await using var host = await StartAsync(new());
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://app.example.test");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await host.Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    public async Task Large_answers_are_compressed_as_the_client_accepts(string acceptEncoding, string? expected)
    {
        var executor = new FakeGatewayExecutor { Handler = _ => FakeGatewayExecutor.Result(GatewayResultKind.Executed, LargeBody) };
        await using var host = await StartAsync(new(), executor);
        var post = Post("/graphql", """{"query":"{ __typename }"}""");
        post.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        using var response = await host.Client.SendAsync(post);
        var raw = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Equal(LargeBody, Decode(raw, expected));
        if (expected is not null)
        {
            Assert.True(raw.Length < LargeBody.Length / 3, $"{raw.Length} compressed bytes of {LargeBody.Length}");
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
    }

    [Fact]
    public async Task Small_answers_and_disabled_compression_are_sent_as_they_are()
    {
        await using var small = await StartAsync(new());
        var post = Post("/graphql", """{"query":"{ __typename }"}""");
        post.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var smallResponse = await small.Client.SendAsync(post);

        var executor = new FakeGatewayExecutor { Handler = _ => FakeGatewayExecutor.Result(GatewayResultKind.Executed, LargeBody) };
        await using var disabled = await StartAsync(new() { ["Gateway:Compression:Enabled"] = "false" }, executor);
        var large = Post("/graphql", """{"query":"{ __typename }"}""");
        large.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var largeResponse = await disabled.Client.SendAsync(large);

        Assert.Empty(smallResponse.Content.Headers.ContentEncoding);
        Assert.Equal(FakeGatewayExecutor.DefaultBody, await smallResponse.Content.ReadAsStringAsync());
        Assert.Empty(largeResponse.Content.Headers.ContentEncoding);
        Assert.Equal(LargeBody, await largeResponse.Content.ReadAsStringAsync());
    }

    private static Task<KestrelHost> StartAsync(Dictionary<string, string?> configuration, FakeGatewayExecutor? executor = null) =>
        GatewayHostFixture.StartGatewayAsync(executor ?? new FakeGatewayExecutor(), configuration);

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private static string Decode(byte[] raw, string? encoding)
    {
        using var input = new MemoryStream(raw);
        using Stream stream = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
