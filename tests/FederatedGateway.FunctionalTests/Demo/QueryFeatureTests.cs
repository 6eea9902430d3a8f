using System.Text.Json;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>Client-side GraphQL features across subgraphs, over HTTP.</summary>
public sealed class QueryFeatureTests(DemoHttpFixture demo) : IClassFixture<DemoHttpFixture>
{
    [Fact]
    public async Task AliasesFragmentsTypenameAndConditionsWorkAcrossSubgraphs()
    {
        var (status, body) = await demo.PostAsync("""
            query Q($withOrders: Boolean = true, $skipDesk: Boolean!) {
              boss: trader(id: "t2") { ...Who kind: __typename desk @skip(if: $skipDesk) }
              me { ...Who orders(status: OPEN) @include(if: $withOrders) { id } positions { instrument { ... on Instrument { ticker: symbol } } } }
            }
            fragment Who on Trader { name }
            """, new { skipDesk = true });
        Assert.Equal(200, status);
        Assert.False(body.TryGetProperty("errors", out _), body.GetRawText());
        var data = body.GetProperty("data");
        Assert.Equal("""{"name":"Grace Hopper","kind":"Trader"}""", data.GetProperty("boss").GetRawText());
        Assert.Equal("AAPL", data.GetProperty("me").GetProperty("positions")[0].GetProperty("instrument").GetProperty("ticker").GetString());
        Assert.True(data.GetProperty("me").GetProperty("orders").GetArrayLength() > 0);
    }

    [Fact]
    public async Task IntrospectionShowsTheApiSchemaOnly()
    {
        var (_, body) = await demo.PostAsync("{ __schema { types { name } } __type(name: \"Trader\") { fields { name } } }");
        var types = body.GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.DoesNotContain(types, t => t!.StartsWith("join__", StringComparison.Ordinal) || t.StartsWith("link__", StringComparison.Ordinal));
        var fields = body.GetProperty("data").GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("desk", fields);        // accounts
        Assert.Contains("positions", fields);   // portfolio
        Assert.Contains("orders", fields);      // orders
    }

    [Fact]
    public async Task InvalidQueryIsA400WithCodeAndLocation()
    {
        var (status, body) = await demo.PostAsync("{ me { nope } }", accept: "application/graphql-response+json");
        Assert.Equal(400, status);
        Assert.False(body.TryGetProperty("data", out _));
        var error = body.GetProperty("errors")[0];
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task InvalidVariablesAreBadUserInput()
    {
        var (_, body) = await demo.PostAsync("query($s: OrderStatus) { orders(status: $s) { id } }", new { s = "NOT_A_STATUS" });
        Assert.Equal("BAD_USER_INPUT", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
