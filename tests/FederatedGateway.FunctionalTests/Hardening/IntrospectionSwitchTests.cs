using FederatedGateway.FunctionalTests.Infrastructure;
using FederatedGateway.FunctionalTests.Subscriptions;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Hardening;

/// <summary>
/// <c>Gateway:Introspection</c>: off in Production unless set (or the IDE is enabled, which reads the schema by
/// introspection), on in Development unless set. Off, selecting <c>__schema</c> or <c>__type</c> anywhere in the
/// operation gets INTROSPECTION_DISABLED over every transport; <c>__typename</c> always works.
/// </summary>
public sealed class IntrospectionSwitchTests : IAsyncLifetime
{
    private const string SchemaQuery = "{ __schema { queryType { name } } }";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private ScriptedSubgraph _subgraph = null!;

    public async Task InitializeAsync()
    {
        _subgraph = await ScriptedSubgraph.StartAsync();
        _subgraph.Answer = """{"data":{"instrument":{"__typename":"Instrument","name":"Apple Inc."}}}""";
    }

    public async Task DisposeAsync()
    {
        await _subgraph.DisposeAsync();
        _http.Dispose();
    }

    [Theory]
    [InlineData("Production", null, null, false)]
    [InlineData("Production", "true", null, true)]
    [InlineData("Development", null, null, true)]
    [InlineData("Development", "false", null, false)]
    [InlineData("Production", null, "true", true)]
    [InlineData("Production", "false", "true", false)]
    [InlineData("Development", null, "false", true)]
    public async Task IntrospectionIsAnsweredAsTheEnvironmentAndSettingsSay(string environment, string? introspection, string? ide, bool answered)
    {
        var settings = new Dictionary<string, string>();
        if (introspection is not null)
        {
            settings["Introspection"] = introspection;
        }

        if (ide is not null)
        {
            settings["Ide:Enabled"] = ide;
        }

        await using var gateway = await GatewayHost.StartAsync(GatewayHost.AllAt(_subgraph.Url), settings, environment);

        var response = await GraphQLHttp.PostAsync(_http, gateway.Endpoint, SchemaQuery, accept: GraphQLHttp.GraphQLResponseJson);

        if (answered)
        {
            JsonAssert.Equal("""{"data":{"__schema":{"queryType":{"name":"Query"}}}}""", response.Body);
        }
        else
        {
            AssertDisabled(response);
        }
    }

    [Fact]
    public async Task TheIdeWithoutIntrospectionIsWarnedAbout()
    {
        await using var gateway = await GatewayHost.StartAsync(
            GatewayHost.AllAt(_subgraph.Url), new Dictionary<string, string> { ["Ide:Enabled"] = "true", ["Introspection"] = "false" });

        // The IDE endpoint is built with the first request that reaches the GraphQL route.
        await GraphQLHttp.PostAsync(_http, gateway.Endpoint, "{ __typename }");

        Assert.Contains(gateway.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Gateway:Introspection", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ __type(name: "Query") { name } }""")]
    [InlineData("""{ ... on Query { __schema { types { name } } } }""")]
    [InlineData("""query { ...F } fragment F on Query { __type(name: "Instrument") { fields { name } } }""")]
    [InlineData("""{ instrument(symbol: "AAPL") { name } __schema { queryType { name } } }""")]
    public async Task WhenOffEverySelectionOfSchemaOrTypeIsRefusedBeforeAnySubgraph(string query)
    {
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.AllAt(_subgraph.Url));
        var before = _subgraph.Received.Count;

        var response = await GraphQLHttp.PostAsync(_http, gateway.Endpoint, query, accept: GraphQLHttp.GraphQLResponseJson);

        AssertDisabled(response);
        Assert.Equal(before, _subgraph.Received.Count);
    }

    [Fact]
    public async Task WhenOffTypenameStillWorksAtTheRootAndInside()
    {
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.AllAt(_subgraph.Url));

        var root = await GraphQLHttp.PostAsync(_http, gateway.Endpoint, "{ __typename }");
        var inside = await GraphQLHttp.PostAsync(_http, gateway.Endpoint, """{ instrument(symbol: "AAPL") { __typename name } }""");

        JsonAssert.Equal("""{"data":{"__typename":"Query"}}""", root.Body);
        JsonAssert.Equal("""{"data":{"instrument":{"__typename":"Instrument","name":"Apple Inc."}}}""", inside.Body);
    }

    [Fact]
    public async Task WhenOffGetIsRefusedToo()
    {
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.AllAt(_subgraph.Url));

        AssertDisabled(await GraphQLHttp.GetAsync(_http, gateway.Endpoint, SchemaQuery, accept: GraphQLHttp.GraphQLResponseJson));
    }

    [Fact]
    public async Task WhenOffAWebSocketOperationGetsTheErrorMessage()
    {
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.AllAt(_subgraph.Url));
        await using var client = await TransportWsClient.ConnectAndInitAsync(gateway.Endpoint);

        await client.SubscribeAsync("i", SchemaQuery);
        var refused = await client.ReceiveAsync();

        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("INTROSPECTION_DISABLED", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static void AssertDisabled(GraphQLHttpResponse response)
    {
        Assert.Equal(400, response.Status);
        Assert.False(response.Body.TryGetProperty("data", out _), response.ToString());
        var error = Assert.Single(response.Errors);
        Assert.Equal("INTROSPECTION_DISABLED", error.GetProperty("extensions").GetProperty("code").GetString());
    }
}
