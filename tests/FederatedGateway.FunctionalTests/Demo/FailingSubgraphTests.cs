using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>
/// One subgraph is down, answers garbage, or is too slow: the client still gets 200, the other subgraphs' data
/// and an error naming the subgraph.
/// </summary>
public sealed class FailingSubgraphTests : IAsyncLifetime
{
    private DemoSubgraphHost _subgraphs = null!;
    private WebApplication _bad = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _bad = builder.Build();
        _bad.MapPost("/garbage", () => Results.Text("<html>maintenance</html>", "text/html"));
        _bad.MapPost("/not-graphql", () => Results.Text("{\"hello\":1}", "application/json"));
        _bad.MapPost("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return Results.Text("{\"data\":null}", "application/json");
        });
        await _bad.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bad.DisposeAsync();
        await _subgraphs.DisposeAsync();
        _http.Dispose();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<JsonElement> QueryWithPortfolioAt(string portfolioUrl)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:SupergraphPath"] = DemoGateway.SupergraphPath,
            ["Gateway:SubgraphTimeout"] = "00:00:01",
            ["Gateway:SubgraphUrlOverrides:accounts"] = _subgraphs.AccountsUrl.ToString(),
            ["Gateway:SubgraphUrlOverrides:orders"] = _subgraphs.OrdersUrl.ToString(),
            ["Gateway:SubgraphUrlOverrides:portfolio"] = portfolioUrl,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        await using var gateway = builder.Build();
        gateway.MapFederatedGateway("/graphql");
        await gateway.StartAsync();

        using var response = await _http.PostAsJsonAsync(DemoGateway.Address(gateway) + "/graphql", new { query = "{ me { name } instrument(symbol: \"AAPL\") { name } }" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
        await gateway.StopAsync();
        return body;
    }

    private static void AssertPartial(JsonElement body, string code)
    {
        Assert.Equal("Ada Lovelace", body.GetProperty("data").GetProperty("me").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("instrument").ValueKind);
        var error = body.GetProperty("errors").EnumerateArray().First(e => e.GetProperty("extensions").TryGetProperty("serviceName", out _));
        Assert.Equal("portfolio", error.GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task SubgraphDown() =>
        AssertPartial(await QueryWithPortfolioAt($"http://127.0.0.1:{ClosedPort()}/graphql"), "SUBREQUEST_HTTP_ERROR");

    [Fact]
    public async Task SubgraphAnswersHtml() =>
        AssertPartial(await QueryWithPortfolioAt(DemoGateway.Address(_bad) + "/garbage"), "SUBREQUEST_HTTP_ERROR");

    [Fact]
    public async Task SubgraphAnswersJsonThatIsNotAGraphQLResponse() =>
        AssertPartial(await QueryWithPortfolioAt(DemoGateway.Address(_bad) + "/not-graphql"), "SUBREQUEST_MALFORMED_RESPONSE");

    [Fact]
    public async Task SubgraphTooSlow() =>
        AssertPartial(await QueryWithPortfolioAt(DemoGateway.Address(_bad) + "/slow"), "SUBREQUEST_TIMEOUT");
}
