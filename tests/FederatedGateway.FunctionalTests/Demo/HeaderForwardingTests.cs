using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary><c>Gateway:ForwardedHeaders</c>: the demo's <c>x-trader-id</c> header reaches the subgraphs and picks <c>me</c>.</summary>
public sealed class HeaderForwardingTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private DemoSubgraphHost _subgraphs = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        _gateway = await GatewayHost.StartAsync(GatewayHost.DemoUrls(_subgraphs), new Dictionary<string, string> { ["ForwardedHeaders:0"] = "x-trader-id" });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _subgraphs.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task ForwardedHeaderSelectsTheSignedInTrader()
    {
        var response = await GraphQLHttp.PostAsync(
            _http, _gateway.Endpoint, "{ me { name positions { instrument { symbol } } remainingOrderCapacity } }",
            headers: new Dictionary<string, string> { ["x-trader-id"] = "t3" });

        JsonAssert.Equal("""
            {"data":{"me":{"name":"Alan Turing","positions":[{"instrument":{"symbol":"NVDA"}},{"instrument":{"symbol":"AAPL"}}],"remainingOrderCapacity":3}}}
            """, response.Body);
    }

    [Fact]
    public async Task WithoutTheHeaderTheDefaultTraderIsUsed()
    {
        var response = await GraphQLHttp.PostAsync(_http, _gateway.Endpoint, "{ me { name } }");

        JsonAssert.Equal("""{"data":{"me":{"name":"Ada Lovelace"}}}""", response.Body);
    }
}
