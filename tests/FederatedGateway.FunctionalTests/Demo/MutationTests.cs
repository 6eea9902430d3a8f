using System.Text.Json;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>Mutations through the gateway: ordered, joined with other subgraphs, subgraph errors re-pathed.</summary>
public sealed class MutationTests(DemoHttpFixture demo) : IClassFixture<DemoHttpFixture>
{
    [Fact]
    public async Task PlacedOrderIsJoinedWithTraderAndInstrumentFromOtherSubgraphs()
    {
        var (status, body) = await demo.PostAsync("""
            mutation Place($input: PlaceOrderInput!) {
              placeOrder(input: $input) { id side quantity status trader { name } instrument { symbol lastPrice } }
            }
            """, new { input = new { traderId = "t2", symbol = "MSFT", side = "BUY", quantity = 5, limitPrice = 400.0 } });
        Assert.Equal(200, status);
        Assert.False(body.TryGetProperty("errors", out _), body.GetRawText());
        var order = body.GetProperty("data").GetProperty("placeOrder");
        Assert.Equal("BUY", order.GetProperty("side").GetString());
        Assert.Equal("Grace Hopper", order.GetProperty("trader").GetProperty("name").GetString());
        Assert.Equal(415.1, order.GetProperty("instrument").GetProperty("lastPrice").GetDouble());

        // The new order is visible to the next query, through the orders subgraph.
        var (_, again) = await demo.PostAsync("query($id: ID!) { order(id: $id) { id quantity } }", new { id = order.GetProperty("id").GetString() });
        Assert.Equal(5, again.GetProperty("data").GetProperty("order").GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task SubgraphRejectionComesBackWithItsCodeServiceAndPath()
    {
        var (status, body) = await demo.PostAsync("""
            mutation { placeOrder(input: { traderId: "t1", symbol: "AAPL", side: SELL, quantity: -3, limitPrice: 1 }) { id } }
            """);
        Assert.Equal(200, status);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind); // placeOrder is non-null
        var error = body.GetProperty("errors").EnumerateArray().First(e => e.GetProperty("extensions").TryGetProperty("serviceName", out _));
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("orders", error.GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.Equal("""["placeOrder"]""", error.GetProperty("path").GetRawText());
    }

    [Fact]
    public async Task MutationsOverGetAreRefused()
    {
        using var response = await demo.Http.GetAsync(demo.Endpoint + "?query=" + Uri.EscapeDataString("mutation { cancelOrder(id: \"o-1001\") { id } }"));
        Assert.Equal(405, (int)response.StatusCode);
    }
}
