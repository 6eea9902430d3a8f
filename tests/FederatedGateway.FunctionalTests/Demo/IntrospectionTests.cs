using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>Introspection over HTTP shows the client-facing API schema: merged types, no federation machinery.</summary>
public sealed class IntrospectionTests(DemoHttpFixture demo) : IClassFixture<DemoHttpFixture>
{
    [Fact]
    public async Task SchemaTypesHaveNoJoinOrLinkOrFederationInternals()
    {
        var response = await demo.PostAsync("{ __schema { queryType { name } mutationType { name } subscriptionType { name } types { name } } }");

        var schema = response.AssertNoErrors().Data.GetProperty("__schema");
        var types = schema.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        Assert.DoesNotContain(types, t => t.StartsWith("join__", StringComparison.Ordinal) || t.StartsWith("link__", StringComparison.Ordinal));
        Assert.DoesNotContain("_Entity", types);
        Assert.DoesNotContain("_Service", types);
        Assert.DoesNotContain("_Any", types);
        foreach (var expected in new[] { "Query", "Mutation", "Trader", "Instrument", "Order", "Position", "Money", "OrderSide", "OrderStatus", "AssetClass", "PlaceOrderInput", "DateTime", "__Schema" })
        {
            Assert.Contains(expected, types);
        }

        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("Mutation", schema.GetProperty("mutationType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task TraderHasTheFieldsOfAllThreeSubgraphs()
    {
        var response = await demo.PostAsync("""{ __type(name: "Trader") { kind fields { name } } }""");

        var type = response.AssertNoErrors().Data.GetProperty("__type");
        Assert.Equal("OBJECT", type.GetProperty("kind").GetString());
        var fields = type.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(
            ["id", "name", "email", "desk", "baseCurrency", "maxOpenOrders", "orders", "remainingOrderCapacity", "positions"],
            fields);
    }

    [Fact]
    public async Task QueryTypeHasNoEntitiesOrServiceFields()
    {
        var response = await demo.PostAsync("""{ __type(name: "Query") { fields { name args { name type { kind name ofType { name } } } } } }""");

        var fields = response.AssertNoErrors().Data.GetProperty("__type").GetProperty("fields").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(["me", "traders", "trader", "orders", "order", "instruments", "instrument"], fields);
    }

    [Fact]
    public async Task IntrospectionMixesWithDataFromSubgraphs()
    {
        var response = await demo.PostAsync("""
            { me { name } __type(name: "OrderSide") { enumValues { name } } __typename }
            """);

        JsonAssert.Equal("""
            {"data":{"me":{"name":"Ada Lovelace"},"__type":{"enumValues":[{"name":"BUY"},{"name":"SELL"}]},"__typename":"Query"}}
            """, response.Body);
    }

    [Fact]
    public async Task UnknownTypeIsNull()
    {
        var response = await demo.PostAsync("""{ __type(name: "join__Graph") { name } }""");

        JsonAssert.Equal("""{"data":{"__type":null}}""", response.Body);
    }
}
