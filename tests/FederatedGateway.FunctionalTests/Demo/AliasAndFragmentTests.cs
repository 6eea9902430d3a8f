using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>Aliases, named and inline fragments and <c>__typename</c> on selections that span subgraphs.</summary>
public sealed class AliasAndFragmentTests(DemoHttpFixture demo) : IClassFixture<DemoHttpFixture>
{
    [Fact]
    public async Task AliasesOnRootFieldsWithDifferentArgumentsAndOnEntityFieldsFromOtherSubgraphs()
    {
        var response = await demo.PostAsync("""
            {
              ada: trader(id: "t1") { fullName: name open: orders(status: OPEN) { id } filled: orders(status: FILLED) { id } }
              grace: trader(id: "t2") { fullName: name holdings: positions { units: quantity stock: instrument { ticker: symbol price: lastPrice } } }
            }
            """);

        JsonAssert.Equal("""
            {"data":{
              "ada":{"fullName":"Ada Lovelace","open":[{"id":"o-1001"},{"id":"o-1002"}],"filled":[{"id":"o-1003"}]},
              "grace":{"fullName":"Grace Hopper","holdings":[
                {"units":120,"stock":{"ticker":"SAP","price":182.4}},
                {"units":20000,"stock":{"ticker":"VOD","price":0.72}}]}}}
            """, response.Body);
    }

    [Fact]
    public async Task NamedFragmentsSpreadFieldsOfEverySubgraphAndNest()
    {
        var response = await demo.PostAsync("""
            query WithFragments {
              me { ...TraderCard }
              trader(id: "t3") { ...TraderCard }
            }
            fragment TraderCard on Trader { name ...Holdings remainingOrderCapacity }
            fragment Holdings on Trader { positions { quantity instrument { ...Quote } } }
            fragment Quote on Instrument { symbol lastPrice }
            """);

        JsonAssert.Equal("""
            {"data":{
              "me":{"name":"Ada Lovelace","positions":[
                {"quantity":150,"instrument":{"symbol":"AAPL","lastPrice":189.25}},
                {"quantity":40,"instrument":{"symbol":"MSFT","lastPrice":415.1}},
                {"quantity":200,"instrument":{"symbol":"TLT","lastPrice":92.3}}],"remainingOrderCapacity":3},
              "trader":{"name":"Alan Turing","positions":[
                {"quantity":300,"instrument":{"symbol":"NVDA","lastPrice":121.4}},
                {"quantity":50,"instrument":{"symbol":"AAPL","lastPrice":189.25}}],"remainingOrderCapacity":3}}}
            """, response.Body);
    }

    [Fact]
    public async Task InlineFragmentsWithAndWithoutTypeConditionMergeWithSiblingFields()
    {
        var response = await demo.PostAsync("""
            {
              order(id: "o-1004") {
                id
                ... on Order { side trader { name } }
                ... { quantity instrument { symbol ... on Instrument { lastPrice currency } } }
                trader { ... on Trader { desk } }
              }
            }
            """);

        JsonAssert.Equal("""
            {"data":{"order":{"id":"o-1004","side":"SELL","trader":{"name":"Grace Hopper","desk":"Macro"},
              "quantity":5000,"instrument":{"symbol":"VOD","lastPrice":0.72,"currency":"GBP"}}}}
            """, response.Body);
    }

    [Fact]
    public async Task TypenameIsAnsweredAtEveryLevelAndCanBeAliased()
    {
        var response = await demo.PostAsync("""
            {
              __typename
              me {
                __typename
                kind: __typename
                positions { __typename marketValue { __typename amount } instrument { __typename symbol } }
              }
            }
            """);

        var positions = response.AssertNoErrors().Data.GetProperty("me").GetProperty("positions");
        Assert.Equal("Query", response.Data.GetProperty("__typename").GetString());
        Assert.Equal("Trader", response.Data.GetProperty("me").GetProperty("__typename").GetString());
        Assert.Equal("Trader", response.Data.GetProperty("me").GetProperty("kind").GetString());
        JsonAssert.Equal("""
            {"__typename":"Position","marketValue":{"__typename":"Money","amount":28387.5},"instrument":{"__typename":"Instrument","symbol":"AAPL"}}
            """, positions[0]);
    }

    [Fact]
    public async Task TheSameFieldSelectedTwiceThroughFragmentsAppearsOnce()
    {
        var response = await demo.PostAsync("""
            { me { name ... on Trader { name desk } ...N } }
            fragment N on Trader { desk name }
            """);

        Assert.Equal("""{"data":{"me":{"name":"Ada Lovelace","desk":"Equities"}}}""", JsonAssert.Compact(response.Body));
    }
}
