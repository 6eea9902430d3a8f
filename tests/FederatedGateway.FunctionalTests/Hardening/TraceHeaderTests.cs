using FederatedGateway.FunctionalTests.Infrastructure;
using FederatedGateway.FunctionalTests.Subscriptions;

namespace FederatedGateway.FunctionalTests.Hardening;

/// <summary>
/// A client's trace headers (<c>traceparent</c>, <c>tracestate</c>, <c>baggage</c>) reach no subgraph, over a fetch or
/// a subscription's handshake, unless <c>Gateway:ForwardedHeaders</c> lists them; then exactly the client's values do.
/// </summary>
public sealed class TraceHeaderTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> ClientTraceHeaders = new()
    {
        ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ["tracestate"] = "vendor=opaque",
        ["baggage"] = "role=admin",
    };

    /// <summary>Every header an activity propagator writes, in the W3C and the older hierarchical formats.</summary>
    private static readonly string[] PropagatedHeaders = ["traceparent", "tracestate", "baggage", "Request-Id", "Correlation-Context"];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private ScriptedSubgraph _subgraph = null!;

    public async Task InitializeAsync()
    {
        _subgraph = await ScriptedSubgraph.StartAsync();
        _subgraph.Answer = """{"data":{"instrument":{"name":"Apple Inc."}}}""";
    }

    public async Task DisposeAsync()
    {
        await _subgraph.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task UnlessForwardedNoTraceHeaderReachesTheSubgraph()
    {
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.AllAt(_subgraph.Url));

        var response = await GraphQLHttp.PostAsync(_http, gateway.Endpoint, """{ instrument(symbol: "AAPL") { name } }""", headers: ClientTraceHeaders);

        response.AssertNoErrors();
        var received = Assert.Single(_subgraph.Received);
        Assert.All(PropagatedHeaders, name => Assert.False(received.Headers.ContainsKey(name), $"{name}: {received.Headers.GetValueOrDefault(name)}"));
    }

    [Fact]
    public async Task ListedTraceHeadersAreForwardedAsTheClientSentThem()
    {
        await using var gateway = await GatewayHost.StartAsync(
            GatewayHost.AllAt(_subgraph.Url), new Dictionary<string, string> { ["ForwardedHeaders:0"] = "traceparent", ["ForwardedHeaders:1"] = "baggage" });

        await GraphQLHttp.PostAsync(_http, gateway.Endpoint, """{ instrument(symbol: "AAPL") { name } }""", headers: ClientTraceHeaders);

        var received = Assert.Single(_subgraph.Received);
        Assert.Equal(ClientTraceHeaders["traceparent"], received.Headers["traceparent"]);
        Assert.Equal(ClientTraceHeaders["baggage"], received.Headers["baggage"]);
        Assert.False(received.Headers.ContainsKey("tracestate"));
    }

    [Fact]
    public async Task NoTraceHeaderReachesASubscriptionsHandshake()
    {
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.AllAt(_subgraph.Url));
        await using var client = await TransportWsClient.ConnectAndInitAsync(gateway.Endpoint, ClientTraceHeaders);

        await client.SubscribeAsync("s", "subscription { orderStatusChanged { id } }");
        var refused = await client.ReceiveAsync(); // the scripted subgraph refuses WebSocket handshakes

        Assert.Equal("error", refused.GetProperty("type").GetString());
        var handshake = Assert.Single(_subgraph.Received);
        Assert.All(PropagatedHeaders, name => Assert.False(handshake.Headers.ContainsKey(name), $"{name}: {handshake.Headers.GetValueOrDefault(name)}"));
    }
}
