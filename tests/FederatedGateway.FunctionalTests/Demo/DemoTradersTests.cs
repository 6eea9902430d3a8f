using System.Text.Json;
using FederatedGateway.Demo;
using FederatedGateway.Demo.Grpc;
using FederatedGateway.Demo.Security;
using FederatedGateway.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>
/// The demo as <c>dotnet run --project src/FederatedGateway.Demo</c> starts it (secured supergraph, gRPC services, its
/// own JWT issuer): the same query answered differently for alice (<c>trading:read</c>), bob (<c>risk:read</c>) and an
/// anonymous caller, with the orders subgraph behind a recording proxy to see what it really received.
/// </summary>
public sealed class DemoTradersTests : IAsyncLifetime
{
    private const string Query = "query Desk { me { name orders { id notional { amount currency } } risk { valueAtRisk limits { name } } } }";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "fgw-demo-test-" + Guid.NewGuid().ToString("N"));
    private DemoIssuer _issuer = null!;
    private DemoSubgraphHost _subgraphs = null!;
    private DemoGrpcHost _grpc = null!;
    private RecordingProxy _orders = null!;
    private WebApplication _gateway = null!;

    private string Address => DemoGateway.Address(_gateway);

    public async Task InitializeAsync()
    {
        _issuer = DemoIssuer.Open(_dataDirectory);
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        _grpc = await DemoGrpcServices.StartAsync(DemoGrpcPorts.Ephemeral);
        _orders = await RecordingProxy.StartAsync(_subgraphs.OrdersUrl);
        _gateway = await DemoGateway.StartAsync(
            _subgraphs, "http://127.0.0.1:0", ["--Gateway:SubgraphUrlOverrides:orders", _orders.Url],
            supergraphPath: DemoGateway.SecuredSupergraphPath, grpc: _grpc, issuer: _issuer);
    }

    public async Task DisposeAsync()
    {
        await _gateway.StopAsync();
        await _gateway.DisposeAsync();
        await _orders.DisposeAsync();
        await _grpc.DisposeAsync();
        await _subgraphs.DisposeAsync();
        _issuer.Dispose();
        _http.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task<string> TokenAsync(string trader) => await _http.GetStringAsync($"{Address}/demo/token?trader={trader}");

    /// <summary>The query as <paramref name="trader"/> (anonymous when null), and the bodies the orders subgraph received for it.</summary>
    private async Task<(GraphQLHttpResponse Response, List<string> OrdersReceived)> AskAsync(string? trader)
    {
        var headers = new Dictionary<string, string>();
        if (trader is not null)
        {
            headers["authorization"] = "Bearer " + await TokenAsync(trader);
        }

        var before = _orders.Bodies.Count;
        var response = await GraphQLHttp.PostAsync(_http, Address + "/graphql", Query, headers: headers);
        return (response, _orders.Bodies.Skip(before).ToList());
    }

    private static List<(string Path, string? Code)> Errors(GraphQLHttpResponse response) =>
        response.Errors.Select(e => (
            string.Join('.', e.GetProperty("path").EnumerateArray().Select(p => p.ToString())),
            e.GetProperty("extensions").GetProperty("code").GetString())).ToList();

    [Theory]
    [InlineData(null, "t3", "Alan Turing")] // anonymous: the x-trader-id header picks the trader, as the demo's README says
    [InlineData(null, null, "Ada Lovelace")] // neither: the default trader t1
    [InlineData("alice", "t3", "Ada Lovelace")] // a token: its subject wins over the header
    public async Task The_x_trader_id_header_picks_me_for_anonymous_callers_and_a_token_wins_over_it(string? trader, string? header, string expected)
    {
        var headers = new Dictionary<string, string>();
        if (trader is not null)
        {
            headers["authorization"] = "Bearer " + await TokenAsync(trader);
        }

        if (header is not null)
        {
            headers["x-trader-id"] = header;
        }

        var response = await GraphQLHttp.PostAsync(_http, Address + "/graphql", "{ me { name } }", headers: headers);

        Assert.Equal(200, response.Status);
        Assert.Equal(expected, response.Data.GetProperty("me").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Alice_with_trading_read_sees_order_notionals_but_not_risk()
    {
        var (response, ordersReceived) = await AskAsync("alice");

        Assert.Equal(200, response.Status);
        var me = response.Data.GetProperty("me");
        Assert.Equal("Ada Lovelace", me.GetProperty("name").GetString());
        var orders = me.GetProperty("orders").EnumerateArray().ToList();
        Assert.NotEmpty(orders);
        Assert.All(orders, order => Assert.True(order.GetProperty("notional").GetProperty("amount").GetDouble() > 0));
        Assert.Equal(JsonValueKind.Null, me.GetProperty("risk").ValueKind);
        Assert.Equal([("me.risk", "UNAUTHORIZED_FIELD_OR_TYPE")], Errors(response));
        Assert.Contains(ordersReceived, body => body.Contains("notional", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bob_with_risk_read_sees_risk_but_the_orders_subgraph_is_never_asked_for_notionals()
    {
        var (response, ordersReceived) = await AskAsync("bob");

        Assert.Equal(200, response.Status);
        var me = response.Data.GetProperty("me");
        Assert.Equal("Grace Hopper", me.GetProperty("name").GetString());
        Assert.True(me.GetProperty("risk").GetProperty("valueAtRisk").GetDouble() > 0);
        Assert.NotEmpty(me.GetProperty("risk").GetProperty("limits").EnumerateArray());
        var orders = me.GetProperty("orders").EnumerateArray().ToList();
        Assert.NotEmpty(orders);
        Assert.All(orders, order => Assert.Equal(JsonValueKind.Null, order.GetProperty("notional").ValueKind));
        Assert.Equal(
            Enumerable.Range(0, orders.Count).Select(i => ($"me.orders.{i}.notional", (string?)"UNAUTHORIZED_FIELD_OR_TYPE")).ToList(),
            Errors(response));
        Assert.NotEmpty(ordersReceived);
        Assert.DoesNotContain(ordersReceived, body => body.Contains("notional", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_callers_still_read_public_fields_and_the_IDE_still_loads()
    {
        var (response, ordersReceived) = await AskAsync(null);

        Assert.Equal(200, response.Status);
        var me = response.Data.GetProperty("me");
        Assert.Equal("Ada Lovelace", me.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("risk").ValueKind);
        Assert.All(Errors(response), error => Assert.Equal("UNAUTHORIZED_FIELD_OR_TYPE", error.Code));
        Assert.Contains(("me.risk", "UNAUTHORIZED_FIELD_OR_TYPE"), Errors(response));
        Assert.DoesNotContain(ordersReceived, body => body.Contains("notional", StringComparison.Ordinal));

        using var ide = new HttpRequestMessage(HttpMethod.Get, Address + "/graphql");
        ide.Headers.Accept.ParseAdd("text/html");
        using var page = await _http.SendAsync(ide);
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_trader_gets_no_token_and_a_made_up_token_is_refused()
    {
        using var unknown = await _http.GetAsync($"{Address}/demo/token?trader=mallory");
        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Contains("alice, bob", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var forged = await GraphQLHttp.PostAsync(
            _http, Address + "/graphql", Query, headers: new Dictionary<string, string> { ["authorization"] = "Bearer not.a.token" });
        Assert.Equal(401, forged.Status);
        Assert.Equal([("", "UNAUTHENTICATED")], forged.Errors.Select(e => ("", e.GetProperty("extensions").GetProperty("code").GetString())).ToList());
    }

    [Fact]
    public async Task The_signing_key_is_made_once_and_reused_at_the_next_start()
    {
        var token = await TokenAsync("alice");
        var keySet = await File.ReadAllTextAsync(_issuer.JwksPath);

        using (var again = DemoIssuer.Open(_dataDirectory))
        {
            Assert.Equal(keySet, await File.ReadAllTextAsync(again.JwksPath));
        }

        // The token minted before the "restart" still validates against the key set written again.
        var response = await GraphQLHttp.PostAsync(
            _http, Address + "/graphql", "{ me { name } }", headers: new Dictionary<string, string> { ["authorization"] = "Bearer " + token });
        Assert.Equal(200, response.Status);
        response.AssertNoErrors();
    }
}
