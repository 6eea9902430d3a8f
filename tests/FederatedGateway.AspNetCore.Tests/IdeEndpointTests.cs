using System.Net;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using static FederatedGateway.AspNetCore.Tests.Infrastructure.Http;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary>
/// The built-in IDE at the GraphQL endpoint: browsers get its page and files, every GraphQL client keeps getting
/// GraphQL over HTTP exactly as without the IDE, and it is off unless enabled (outside Development).
/// </summary>
public sealed class IdeEndpointTests
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private static readonly Dictionary<string, string?> IdeOn = new() { ["Gateway:Ide:Enabled"] = "true" };

    [Fact]
    public async Task Browser_opening_the_endpoint_gets_the_ide_page()
    {
        var executor = new FakeGatewayExecutor();
        await using var host = await GatewayHostFixture.StartGatewayAsync(executor, IdeOn);

        using var response = await host.Client.SendAsync(Get("/graphql", BrowserAccept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", MediaType(response));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script defer src=\"/graphql/ide/ide.js\"></script>", html);
        Assert.Contains("""{"endpoint":"/graphql","assets":"/graphql/ide","queryPlan":null}""", html);
        Assert.Contains("default-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal(0, executor.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    [InlineData("*/*")]
    [InlineData("text/html, application/json")]
    [InlineData("application/graphql-response+json, text/html;q=0.9")]
    [InlineData("text/html;q=0.5, */*")]
    public async Task GraphQL_clients_keep_getting_graphql_over_http_with_the_ide_on(string? accept)
    {
        var executor = new FakeGatewayExecutor();
        await using var host = await GatewayHostFixture.StartGatewayAsync(executor, IdeOn);

        using var response = await host.Client.SendAsync(Get(Query(("query", "{ __typename }")), accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/html", MediaType(response));
        Assert.Equal(FakeGatewayExecutor.DefaultBody, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, executor.Calls);
    }

    [Fact]
    public async Task Post_asking_for_html_is_still_406_with_the_ide_on()
    {
        var executor = new FakeGatewayExecutor();
        await using var host = await GatewayHostFixture.StartGatewayAsync(executor, IdeOn);

        using var response = await host.Client.SendAsync(Post("/graphql", """{"query":"{ __typename }"}""", accept: "text/html"));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Ide_files_are_served_brotli_compressed_with_an_etag()
    {
        await using var host = await GatewayHostFixture.StartGatewayAsync(new FakeGatewayExecutor(), IdeOn);

        using var request = Get("/graphql/ide/ide.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", MediaType(response));
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);

        using var again = Get("/graphql/ide/ide.js");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await host.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var plain = await host.Client.SendAsync(Get("/graphql/ide/ide.css"));
        Assert.Equal("text/css", MediaType(plain));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.True((await plain.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Theory]
    [InlineData("/graphql/ide/missing.js")]
    [InlineData("/graphql/ide/index.html")]
    public async Task Unknown_ide_files_are_404(string path)
    {
        await using var host = await GatewayHostFixture.StartGatewayAsync(new FakeGatewayExecutor(), IdeOn);

        using var response = await host.Client.SendAsync(Get(path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Browser_opening_the_endpoint_with_the_ide_off_gets_a_page_naming_the_setting()
    {
        var executor = new FakeGatewayExecutor();
        await using var host = await GatewayHostFixture.StartGatewayAsync(executor);

        using var response = await host.Client.SendAsync(Get("/graphql", BrowserAccept));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", MediaType(response));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The built-in GraphQL IDE is off here", html);
        Assert.Contains("<code>Gateway:Ide:Enabled</code> to <code>true</code>", html);
        Assert.Contains("default-src 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(0, executor.Calls);
    }

    [Theory]
    [InlineData("/graphql", BrowserAccept, "Gateway:Ide:ExplainWhenOff", "false")] // the page turned off too
    [InlineData("/graphql", "application/json", null, null)] // not a browser
    [InlineData("/graphql?operationName=Me", BrowserAccept, null, null)] // a query string: GraphQL over HTTP
    public async Task Other_requests_without_a_query_keep_getting_the_graphql_400_with_the_ide_off(string path, string accept, string? key, string? value)
    {
        await using var host = await GatewayHostFixture.StartGatewayAsync(
            new FakeGatewayExecutor(), key is null ? null : new Dictionary<string, string?> { [key] = value });

        using var response = await host.Client.SendAsync(Get(path, accept));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("text/html", MediaType(response));
        Assert.Contains("\"errors\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ide_is_off_outside_development_unless_enabled()
    {
        var executor = new FakeGatewayExecutor();
        await using var host = await GatewayHostFixture.StartGatewayAsync(executor);

        using var page = await host.Client.SendAsync(Get(Query(("query", "{ __typename }")), BrowserAccept));
        using var file = await host.Client.SendAsync(Get("/graphql/ide/ide.js"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(Json, MediaType(page));
        Assert.Equal(1, executor.Calls);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }
}
