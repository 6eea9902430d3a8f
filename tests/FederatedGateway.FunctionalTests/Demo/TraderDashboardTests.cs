using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>
/// The README quick start's query over the three GraphQL subgraphs alone (without its <c>settlement</c> and <c>fxRate</c>,
/// which need the REST and SOAP services: <see cref="DashboardSourcesTests"/>), over HTTP, against the seed data.
/// </summary>
public sealed class TraderDashboardTests(DemoHttpFixture demo) : IClassFixture<DemoHttpFixture>
{
    private const string ReadmeQuery = """
        query TraderDashboard { me { name desk positions { quantity instrument { symbol name lastPrice } } orders(status: OPEN) { id side quantity instrument { symbol name } notional { amount currency } } remainingOrderCapacity } }
        """;

    private const string ReadmeAnswer = """
        {"data":{"me":{"name":"Ada Lovelace","desk":"Equities",
          "positions":[
            {"quantity":150,"instrument":{"symbol":"AAPL","name":"Apple Inc.","lastPrice":189.25}},
            {"quantity":40,"instrument":{"symbol":"MSFT","name":"Microsoft Corporation","lastPrice":415.1}},
            {"quantity":200,"instrument":{"symbol":"TLT","name":"iShares 20+ Year Treasury Bond ETF","lastPrice":92.3}}],
          "orders":[
            {"id":"o-1001","side":"BUY","quantity":50,"instrument":{"symbol":"AAPL","name":"Apple Inc."},"notional":{"amount":9462.5,"currency":"USD"}},
            {"id":"o-1002","side":"SELL","quantity":10,"instrument":{"symbol":"MSFT","name":"Microsoft Corporation"},"notional":{"amount":4151,"currency":"USD"}}],
          "remainingOrderCapacity":3}}}
        """;

    [Fact]
    public async Task ReadmeQueryOverPostGivesTheDocumentedAnswerExactly()
    {
        var response = await demo.PostAsync(ReadmeQuery);

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.MediaType);
        JsonAssert.Equal(ReadmeAnswer, response.Body);
    }

    [Fact]
    public async Task ReadmeQueryOverGetGivesTheSameAnswer()
    {
        var response = await demo.GetAsync(ReadmeQuery, accept: GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(200, response.Status);
        Assert.Equal(GraphQLHttp.GraphQLResponseJson, response.MediaType);
        JsonAssert.Equal(ReadmeAnswer, response.Body);
    }

    [Fact]
    public async Task DemoReadmeQueryWithRequiresAndProvidesGivesTheDocumentedAnswer()
    {
        var response = await demo.PostAsync("""
            query TraderDashboard {
              me {
                name
                desk
                positions {
                  quantity
                  instrument { symbol name lastPrice currency }
                  marketValue { amount currency }
                  unrealizedPnl { amount currency }
                }
                orders(status: OPEN) {
                  id
                  side
                  quantity
                  limitPrice
                  instrument { symbol name }
                  notional { amount currency }
                }
                remainingOrderCapacity
              }
            }
            """);

        Assert.Equal(200, response.Status);
        JsonAssert.Equal("""
            {"data":{"me":{"name":"Ada Lovelace","desk":"Equities",
              "positions":[
                {"quantity":150,"instrument":{"symbol":"AAPL","name":"Apple Inc.","lastPrice":189.25,"currency":"USD"},
                 "marketValue":{"amount":28387.5,"currency":"USD"},"unrealizedPnl":{"amount":2542.5,"currency":"USD"}},
                {"quantity":40,"instrument":{"symbol":"MSFT","name":"Microsoft Corporation","lastPrice":415.1,"currency":"USD"},
                 "marketValue":{"amount":16604,"currency":"USD"},"unrealizedPnl":{"amount":684,"currency":"USD"}},
                {"quantity":200,"instrument":{"symbol":"TLT","name":"iShares 20+ Year Treasury Bond ETF","lastPrice":92.3,"currency":"USD"},
                 "marketValue":{"amount":18460,"currency":"USD"},"unrealizedPnl":{"amount":-560,"currency":"USD"}}],
              "orders":[
                {"id":"o-1001","side":"BUY","quantity":50,"limitPrice":185,
                 "instrument":{"symbol":"AAPL","name":"Apple Inc."},"notional":{"amount":9462.5,"currency":"USD"}},
                {"id":"o-1002","side":"SELL","quantity":10,"limitPrice":420,
                 "instrument":{"symbol":"MSFT","name":"Microsoft Corporation"},"notional":{"amount":4151,"currency":"USD"}}],
              "remainingOrderCapacity":3}}}
            """, response.Body);
    }

    [Fact]
    public async Task KeysAndTypenamesTheGatewayNeededDoNotLeakIntoTheResponse()
    {
        // The plan needs Trader.id, Trader.maxOpenOrders, Instrument.symbol/lastPrice/currency, Order.id and
        // __typename for its entity jumps; the client asked for none of them here.
        var response = await demo.PostAsync("{ me { name orders(status: OPEN) { side notional { amount } } remainingOrderCapacity positions { quantity } } }");

        response.AssertNoErrors();
        foreach (var name in new[] { "__typename", "id", "maxOpenOrders", "symbol", "lastPrice", "currency", "instrument" })
        {
            JsonAssert.NoPropertyAnywhere(response.Body, name);
        }

        JsonAssert.Equal("""
            {"data":{"me":{"name":"Ada Lovelace","orders":[{"side":"BUY","notional":{"amount":9462.5}},{"side":"SELL","notional":{"amount":4151}}],
              "remainingOrderCapacity":3,"positions":[{"quantity":150},{"quantity":40},{"quantity":200}]}}}
            """, response.Body);
    }
}
