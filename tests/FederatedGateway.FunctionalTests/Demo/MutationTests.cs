using System.Text.Json;
using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>Mutations through the gateway: joined with other subgraphs, visible afterwards, subgraph errors re-pathed.</summary>
public sealed class MutationTests(DemoHttpFixture demo) : IClassFixture<DemoHttpFixture>
{
    [Fact]
    public async Task PlacedOrderIsJoinedWithTraderFromAccountsAndPriceFromPortfolio()
    {
        var placed = await demo.PostAsync("""
            mutation Place($input: PlaceOrderInput!) {
              placeOrder(input: $input) { id side quantity limitPrice status trader { id name desk } instrument { symbol name lastPrice currency } }
            }
            """, new { input = new { traderId = "t2", symbol = "SAP", side = "BUY", quantity = 15, limitPrice = 181.5 } });

        Assert.Equal(200, placed.Status);
        placed.AssertNoErrors();
        var order = placed.Data.GetProperty("placeOrder");
        var id = order.GetProperty("id").GetString()!;
        Assert.Matches("^o-1[0-9]{3}$", id);
        order = JsonDocument.Parse(JsonAssert.Compact(order).Replace(id, "ID", StringComparison.Ordinal)).RootElement;
        JsonAssert.Equal("""
            {"id":"ID","side":"BUY","quantity":15,"limitPrice":181.5,"status":"OPEN",
             "trader":{"id":"t2","name":"Grace Hopper","desk":"Macro"},
             "instrument":{"symbol":"SAP","name":"SAP SE","lastPrice":182.4,"currency":"EUR"}}
            """, order);

        // Read back through the orders subgraph, then accounts (trader name) and portfolio (lastPrice, notional).
        var readBack = await demo.PostAsync("""
            query Order($id: ID!) {
              order(id: $id) { id quantity status trader { name } instrument { lastPrice } notional { amount currency } }
            }
            """, new { id });

        readBack.AssertNoErrors();
        JsonAssert.Equal("""
            {"data":{"order":{"id":"NEW_ID","quantity":15,"status":"OPEN","trader":{"name":"Grace Hopper"},
              "instrument":{"lastPrice":182.4},"notional":{"amount":2736,"currency":"EUR"}}}}
            """.Replace("NEW_ID", id, StringComparison.Ordinal), readBack.Body);

        // And through the trader's own orders, reached from accounts.
        var viaTrader = await demo.PostAsync("""{ trader(id: "t2") { orders(status: OPEN) { id } } }""");
        Assert.Contains(id, viaTrader.Data.GetProperty("trader").GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task BadQuantityIsTheSubgraphsErrorWithServiceNameAndClientPath()
    {
        var response = await demo.PostAsync("""
            mutation { placeOrder(input: { traderId: "t1", symbol: "AAPL", side: SELL, quantity: 0, limitPrice: 1 }) { id } }
            """);

        Assert.Equal(200, response.Status);
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind); // placeOrder is non-null, so data itself is null
        var error = Assert.Single(response.Errors);
        Assert.Equal("quantity must be positive, got 0.", error.GetProperty("message").GetString());
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("orders", error.GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.Equal("""["placeOrder"]""", JsonAssert.Compact(error.GetProperty("path")));
    }

    [Fact]
    public async Task AFloatVariableBeyondTheRangeOfADoubleNeverReachesPlaceOrder()
    {
        const string Orders = """{ trader(id: "t1") { orders { id } } }""";
        var before = (await demo.PostAsync(Orders)).Data.GetProperty("trader").GetProperty("orders").GetArrayLength();

        // 1e400 reads as Infinity; written in the document the same literal is refused, so it must be as a variable.
        var response = await GraphQLHttp.PostBytesAsync(demo.Http, demo.Endpoint, System.Text.Encoding.UTF8.GetBytes("""
            {"query":"mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }",
             "variables":{"input":{"traderId":"t1","symbol":"AAPL","side":"BUY","quantity":1,"limitPrice":1e400}}}
            """), GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_USER_INPUT", Assert.Single(response.Errors).GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(before, (await demo.PostAsync(Orders)).Data.GetProperty("trader").GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task AliasedMutationFieldsRunInOrderAndKeepTheirAliases()
    {
        // The second cancel sees the first one: mutation root fields run one after the other.
        var response = await demo.PostAsync("""
            mutation { first: cancelOrder(id: "o-1002") { status } second: cancelOrder(id: "o-1002") { status } }
            """);

        Assert.Equal(200, response.Status);
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind); // second is non-null and failed

        // Both fields go to orders in one request; orders answers data: null. (The gateway adds a second error,
        // "Cannot return null for non-nullable field Mutation.cancelOrder." at ["first"], for the value it lost.)
        var error = response.ErrorFrom("orders");
        Assert.Equal("ORDER_NOT_OPEN", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("orders", error.GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.Equal("""["second"]""", JsonAssert.Compact(error.GetProperty("path")));

        var after = await demo.PostAsync("""{ order(id: "o-1002") { status } }""");
        JsonAssert.Equal("""{"data":{"order":{"status":"CANCELLED"}}}""", after.Body);
    }

    [Fact]
    public async Task MutationsOverGetAreRefusedWith405()
    {
        var response = await demo.GetAsync("""mutation { cancelOrder(id: "o-1001") { id } }""");

        Assert.Equal(405, response.Status);
        var after = await demo.PostAsync("""{ order(id: "o-1001") { status } }""");
        JsonAssert.Equal("""{"data":{"order":{"status":"OPEN"}}}""", after.Body);
    }
}
