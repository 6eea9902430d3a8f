using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary><c>@skip</c> and <c>@include</c> driven by variables (given and defaulted), on fields of every subgraph.</summary>
public sealed class SkipIncludeTests(DemoHttpFixture demo) : IClassFixture<DemoHttpFixture>
{
    private const string Query = """
        query Conditional($withOrders: Boolean = true, $skipDesk: Boolean!, $withPrices: Boolean = false) {
          me {
            name
            desk @skip(if: $skipDesk)
            orders(status: OPEN) @include(if: $withOrders) { id }
            positions { quantity instrument { symbol ... @include(if: $withPrices) { lastPrice } } }
            ...Capacity @skip(if: $skipDesk)
          }
        }
        fragment Capacity on Trader { remainingOrderCapacity }
        """;

    [Fact]
    public async Task DefaultsApplyWhenVariablesAreOmitted()
    {
        var response = await demo.PostAsync(Query, new { skipDesk = false });

        JsonAssert.Equal("""
            {"data":{"me":{"name":"Ada Lovelace","desk":"Equities","orders":[{"id":"o-1001"},{"id":"o-1002"}],
              "positions":[{"quantity":150,"instrument":{"symbol":"AAPL"}},{"quantity":40,"instrument":{"symbol":"MSFT"}},{"quantity":200,"instrument":{"symbol":"TLT"}}],
              "remainingOrderCapacity":3}}}
            """, response.Body);
    }

    [Fact]
    public async Task GivenValuesOverrideDefaultsAndRemoveWholeSubgraphFetches()
    {
        var response = await demo.PostAsync(Query, new { skipDesk = true, withOrders = false, withPrices = true });

        JsonAssert.Equal("""
            {"data":{"me":{"name":"Ada Lovelace",
              "positions":[{"quantity":150,"instrument":{"symbol":"AAPL","lastPrice":189.25}},{"quantity":40,"instrument":{"symbol":"MSFT","lastPrice":415.1}},{"quantity":200,"instrument":{"symbol":"TLT","lastPrice":92.3}}]}}}
            """, response.Body);
    }

    [Fact]
    public async Task SkipAndIncludeOnTheSameFieldBothHaveToAllowIt()
    {
        var response = await demo.PostAsync("""
            query($yes: Boolean!, $no: Boolean!) {
              me { name @include(if: $yes) @skip(if: $no) desk @include(if: $yes) @skip(if: $yes) remainingOrderCapacity @include(if: $no) }
            }
            """, new { yes = true, no = false });

        JsonAssert.Equal("""{"data":{"me":{"name":"Ada Lovelace"}}}""", response.Body);
    }

    [Fact]
    public async Task LiteralConditionsWorkWithoutVariables()
    {
        var response = await demo.PostAsync("""{ me { name desk @skip(if: true) positions @include(if: false) { quantity } } }""");

        JsonAssert.Equal("""{"data":{"me":{"name":"Ada Lovelace"}}}""", response.Body);
    }
}
