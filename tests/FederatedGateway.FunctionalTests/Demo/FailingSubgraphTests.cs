using System.Diagnostics;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>
/// One subgraph is down, answers garbage, or is too slow: the client still gets 200, the other subgraphs' data,
/// nulls where the failing subgraph's fields were (per null propagation) and an error naming the subgraph.
/// </summary>
public sealed class FailingSubgraphTests(FailingSubgraphFixture fixture, ITestOutputHelper output) : IClassFixture<FailingSubgraphFixture>
{
    private const string PortfolioAndAccounts = """{ me { name } instrument(symbol: "AAPL") { name } }""";

    private static string ClosedPortUrl => $"http://127.0.0.1:{LoopbackPorts.Closed()}/graphql";

    private async Task<GraphQLHttpResponse> QueryAsync(GatewayHost gateway, string query)
    {
        var response = await GraphQLHttp.PostAsync(fixture.Http, gateway.Endpoint, query);
        output.WriteLine(response.ToString());
        Assert.Equal(200, response.Status);
        return response;
    }

    private static void AssertError(GraphQLHttpResponse response, string serviceName, string code)
    {
        var error = response.ErrorFrom(serviceName);
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    /// <summary>Nothing the gateway logged says it crashed (an unhandled exception is logged as Error or worse).</summary>
    private void AssertNoCrash(GatewayHost gateway)
    {
        foreach (var entry in gateway.Logs.Entries)
        {
            output.WriteLine("log: " + entry);
        }

        Assert.Empty(gateway.Logs.AtLeast(LogLevel.Error));
    }

    private async Task AssertPortfolioFailureGivesPartialData(string portfolioUrl, string code)
    {
        await using var gateway = await fixture.GatewayWith(DemoSubgraphNames.Portfolio, portfolioUrl);

        var response = await QueryAsync(gateway, PortfolioAndAccounts);

        JsonAssert.Equal("""{"me":{"name":"Ada Lovelace"},"instrument":null}""", response.Data);
        AssertError(response, DemoSubgraphNames.Portfolio, code);
        AssertNoCrash(gateway);
    }

    [Fact]
    public Task SubgraphDownGivesHttpErrorAndPartialData() =>
        AssertPortfolioFailureGivesPartialData(ClosedPortUrl, "SUBREQUEST_HTTP_ERROR");

    [Fact]
    public async Task SubgraphStoppedWhileTheGatewayRunsGivesHttpErrorAndPartialData()
    {
        // A second set of demo subgraphs; the gateway reaches portfolio there, then that server stops.
        var second = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        await using var gateway = await fixture.GatewayWith(DemoSubgraphNames.Portfolio, second.PortfolioUrl.ToString());
        try
        {
            var before = await QueryAsync(gateway, PortfolioAndAccounts);
            JsonAssert.Equal("""{"data":{"me":{"name":"Ada Lovelace"},"instrument":{"name":"Apple Inc."}}}""", before.Body);
        }
        finally
        {
            await second.DisposeAsync();
        }

        var after = await QueryAsync(gateway, PortfolioAndAccounts);

        JsonAssert.Equal("""{"me":{"name":"Ada Lovelace"},"instrument":null}""", after.Data);
        AssertError(after, DemoSubgraphNames.Portfolio, "SUBREQUEST_HTTP_ERROR");
        AssertNoCrash(gateway);
    }

    [Fact]
    public Task SubgraphAnsweringHtmlGivesHttpErrorAndPartialData() =>
        AssertPortfolioFailureGivesPartialData(fixture.Stub.Url("html"), "SUBREQUEST_HTTP_ERROR");

    [Fact]
    public Task SubgraphAnswering500GivesHttpErrorAndPartialData() =>
        AssertPortfolioFailureGivesPartialData(fixture.Stub.Url("error-500"), "SUBREQUEST_HTTP_ERROR");

    [Fact]
    public async Task SubgraphAnsweringTruncatedJsonGivesPartialDataAndAnError()
    {
        await using var gateway = await fixture.GatewayWith(DemoSubgraphNames.Portfolio, fixture.Stub.Url("invalid-json"));

        var response = await QueryAsync(gateway, PortfolioAndAccounts);

        JsonAssert.Equal("""{"me":{"name":"Ada Lovelace"},"instrument":null}""", response.Data);
        Assert.StartsWith("SUBREQUEST_", response.ErrorFrom(DemoSubgraphNames.Portfolio).GetProperty("extensions").GetProperty("code").GetString());
        AssertNoCrash(gateway);
    }

    [Fact]
    public Task SubgraphAnsweringJsonThatIsNotAGraphQLResponseGivesMalformedResponse() =>
        AssertPortfolioFailureGivesPartialData(fixture.Stub.Url("not-graphql"), "SUBREQUEST_MALFORMED_RESPONSE");

    [Fact]
    public async Task SubgraphSlowerThanTheTimeoutGivesTimeoutAndPartialData()
    {
        var clock = Stopwatch.StartNew();
        await AssertPortfolioFailureGivesPartialData(fixture.Stub.Url("slow"), "SUBREQUEST_TIMEOUT");
        output.WriteLine($"answered after {clock.ElapsedMilliseconds} ms (subgraph timeout 1 s, stub delay {StubSubgraph.SlowDelay.TotalSeconds} s)");
        Assert.True(clock.Elapsed < StubSubgraph.SlowDelay, "the gateway waited for the slow subgraph instead of timing out");
    }

    [Fact]
    public async Task EntityFetchFailureNullsOnlyTheNullableFieldsOfThatSubgraph()
    {
        await using var gateway = await fixture.GatewayWith(DemoSubgraphNames.Orders, ClosedPortUrl);

        // remainingOrderCapacity (orders, nullable) becomes null; name and desk (accounts) stay.
        var response = await QueryAsync(gateway, "{ me { name desk remainingOrderCapacity } }");

        JsonAssert.Equal("""{"me":{"name":"Ada Lovelace","desk":"Equities","remainingOrderCapacity":null}}""", response.Data);
        AssertError(response, DemoSubgraphNames.Orders, "SUBREQUEST_HTTP_ERROR");
        AssertNoCrash(gateway);
    }

    [Fact]
    public async Task EntityFetchFailureOnANonNullFieldNullsTheNearestNullableParent()
    {
        await using var gateway = await fixture.GatewayWith(DemoSubgraphNames.Orders, ClosedPortUrl);

        // Trader.orders is [Order!]!, so me (nullable) becomes null; instrument (portfolio) is unaffected.
        var response = await QueryAsync(gateway, """{ me { name orders { id } } instrument(symbol: "MSFT") { lastPrice } }""");

        JsonAssert.Equal("""{"me":null,"instrument":{"lastPrice":415.1}}""", response.Data);
        AssertError(response, DemoSubgraphNames.Orders, "SUBREQUEST_HTTP_ERROR");
        AssertNoCrash(gateway);
    }

    [Fact]
    public async Task RequiresChainBrokenByAFailingSubgraphNullsTheDependentField()
    {
        await using var gateway = await fixture.GatewayWith(DemoSubgraphNames.Portfolio, ClosedPortUrl);

        // Order.notional @requires portfolio's Instrument.lastPrice and currency (both non-null); with portfolio
        // down they are unknown, so the representation for orders' _entities cannot be built: the entity is left
        // out (as Apollo's gateway and router do) and notional is null, with portfolio's error as the only one.
        var response = await QueryAsync(gateway, """{ order(id: "o-1001") { id side notional { amount } } }""");

        JsonAssert.Equal("""{"order":{"id":"o-1001","side":"BUY","notional":null}}""", response.Data);
        AssertError(response, DemoSubgraphNames.Portfolio, "SUBREQUEST_HTTP_ERROR");
        var others = response.Errors.Where(e => e.GetProperty("extensions").GetProperty("serviceName").GetString() != DemoSubgraphNames.Portfolio);
        Assert.True(!others.Any(), "orders was sent a representation without its required fields: " + string.Join(", ", others));
        AssertNoCrash(gateway);
    }

    [Fact]
    public async Task GatewayKeepsServingAfterASubgraphFailure()
    {
        await using var gateway = await fixture.GatewayWith(DemoSubgraphNames.Portfolio, fixture.Stub.Url("html"));

        for (var i = 0; i < 3; i++)
        {
            var failing = await QueryAsync(gateway, PortfolioAndAccounts);
            AssertError(failing, DemoSubgraphNames.Portfolio, "SUBREQUEST_HTTP_ERROR");
            var healthy = await QueryAsync(gateway, """{ trader(id: "t3") { name remainingOrderCapacity } }""");
            JsonAssert.Equal("""{"data":{"trader":{"name":"Alan Turing","remainingOrderCapacity":3}}}""", healthy.Body);
        }

        AssertNoCrash(gateway);
    }
}
