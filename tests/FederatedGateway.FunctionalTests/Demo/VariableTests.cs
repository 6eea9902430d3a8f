using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>Variables of scalar, enum and input-object types, given and defaulted, passed on to the right subgraph.</summary>
// (The mutations here only add open orders; the queries look at cancelled and filled ones.)
public sealed class VariableTests(DemoHttpFixture demo) : IClassFixture<DemoHttpFixture>
{
    [Fact]
    public async Task EnumVariableReachesAnEntityFieldInAnotherSubgraph()
    {
        var response = await demo.PostAsync("""
            query($status: OrderStatus) { trader(id: "t2") { name orders(status: $status) { id status } } }
            """, new { status = "CANCELLED" });

        JsonAssert.Equal("""{"data":{"trader":{"name":"Grace Hopper","orders":[{"id":"o-1005","status":"CANCELLED"}]}}}""", response.Body);
    }

    [Fact]
    public async Task EnumVariableDefaultAppliesWhenOmittedAndNullMeansNoFilter()
    {
        const string query = """
            query($status: OrderStatus = FILLED, $symbol: ID!) { instrument(symbol: $symbol) { name orders(status: $status) { id } } }
            """;

        var defaulted = await demo.PostAsync(query, new { symbol = "TLT" });
        JsonAssert.Equal("""{"data":{"instrument":{"name":"iShares 20+ Year Treasury Bond ETF","orders":[{"id":"o-1003"}]}}}""", defaulted.Body);

        var explicitNull = await demo.PostAsync(query, new Dictionary<string, object?> { ["symbol"] = "AAPL", ["status"] = null });
        JsonAssert.Equal("""{"data":{"instrument":{"name":"Apple Inc.","orders":[{"id":"o-1001"}]}}}""", explicitNull.Body);
    }

    [Fact]
    public async Task EnumVariablesUsedInSeveralSubgraphsAtOnce()
    {
        var response = await demo.PostAsync("""
            query($a: OrderStatus!, $b: OrderStatus!) { cancelled: orders(status: $a) { id } me { orders(status: $b) { id } } }
            """, new { a = "CANCELLED", b = "FILLED" });

        JsonAssert.Equal("""
            {"data":{"cancelled":[{"id":"o-1005"}],"me":{"orders":[{"id":"o-1003"}]}}}
            """, response.Body);
    }

    [Fact]
    public async Task InputObjectVariableWithEnumAndFloatFieldsIsCoercedAndForwarded()
    {
        var response = await demo.PostAsync("""
            mutation($order: PlaceOrderInput!) { placeOrder(input: $order) { side quantity limitPrice trader { name } instrument { name } } }
            """, new { order = new { traderId = "t3", symbol = "NVDA", side = "SELL", quantity = 7, limitPrice = 125 } });

        JsonAssert.Equal("""
            {"data":{"placeOrder":{"side":"SELL","quantity":7,"limitPrice":125,"trader":{"name":"Alan Turing"},"instrument":{"name":"NVIDIA Corporation"}}}}
            """, response.Body);
    }

    [Fact]
    public async Task VariablesInsideAnInputObjectLiteral()
    {
        var response = await demo.PostAsync("""
            mutation($side: OrderSide!, $qty: Int = 3) {
              placeOrder(input: { traderId: "t1", symbol: "VOD", side: $side, quantity: $qty, limitPrice: 0.7 }) { side quantity instrument { symbol currency } }
            }
            """, new { side = "BUY" });

        JsonAssert.Equal("""
            {"data":{"placeOrder":{"side":"BUY","quantity":3,"instrument":{"symbol":"VOD","currency":"GBP"}}}}
            """, response.Body);
    }
}
