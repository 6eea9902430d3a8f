using System.Globalization;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Infrastructure;
using FederatedGateway.FunctionalTests.Subscriptions;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Hardening;

/// <summary>
/// The gateway's own errors about a subgraph it cannot reach never name the host or port (over HTTP and in a
/// subscription), whether subgraph errors are exposed or not; the gateway's log has the detail.
/// </summary>
public sealed class TransportErrorTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly int _closedPort = LoopbackPorts.Closed();

    private string ClosedUrl => $"http://127.0.0.1:{_closedPort}/graphql";

    private string Port => _closedPort.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task ConnectionRefusedNamesNeitherHostNorPort(string expose)
    {
        await using var gateway = await GatewayHost.StartAsync(
            GatewayHost.AllAt(ClosedUrl), new Dictionary<string, string> { ["SubgraphErrors:Expose"] = expose });

        var response = await GraphQLHttp.PostAsync(_http, gateway.Endpoint, """{ instrument(symbol: "AAPL") { name } }""");

        Assert.Equal(200, response.Status);
        var error = response.ErrorFrom(DemoSubgraphNames.Portfolio);
        Assert.Equal("SUBREQUEST_HTTP_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("no connection could be made", error.GetProperty("message").GetString());
        AssertNoAddress(response.Body.GetRawText());
        AssertDetailLogged(gateway);
    }

    [Fact]
    public async Task ASubscriptionToAnUnreachableSubgraphNamesNeitherHostNorPort()
    {
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.AllAt(ClosedUrl));
        await using var client = await TransportWsClient.ConnectAndInitAsync(gateway.Endpoint);

        await client.SubscribeAsync("s", "subscription { orderStatusChanged { id } }");
        var refused = await client.ReceiveAsync();

        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("SUBSCRIPTION_SUBGRAPH_FAILED", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        AssertNoAddress(refused.GetRawText());
        AssertDetailLogged(gateway);
    }

    private void AssertNoAddress(string answer)
    {
        Assert.DoesNotContain("127.0.0.1", answer);
        Assert.DoesNotContain(Port, answer);
    }

    private void AssertDetailLogged(GatewayHost gateway)
    {
        var logged = Assert.Single(gateway.Logs.Entries, e => (e.Message + e.Exception).Contains(Port, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
