using FederatedGateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Hardening;

/// <summary>
/// Numbers in variables beyond their type's range (a Float <c>1e400</c> reads as Infinity, an Int past 32 bits) are
/// refused during coercion with BAD_USER_INPUT, wherever they sit, and never reach a subgraph.
/// </summary>
public sealed class VariableRangeTests(EchoGatewayFixture echo) : IClassFixture<EchoGatewayFixture>
{
    private const string Query = """
        query($price: Float, $count: Int, $prices: [Float!], $counts: [Int!], $numbers: Numbers, $list: [Numbers!]) {
          echo(price: $price, count: $count, prices: $prices, counts: $counts, numbers: $numbers, list: $list)
        }
        """;

    [Theory]
    [InlineData("""{"price":1e400}""")]
    [InlineData("""{"price":-1e400}""")]
    [InlineData("""{"count":2147483648}""")]
    [InlineData("""{"count":-2147483649}""")]
    [InlineData("""{"prices":[1.5,1e400]}""")]
    [InlineData("""{"counts":[1,2147483648]}""")]
    [InlineData("""{"numbers":{"price":1e400}}""")]
    [InlineData("""{"numbers":{"count":2147483648}}""")]
    [InlineData("""{"numbers":{"inner":{"prices":[1e400]}}}""")]
    [InlineData("""{"list":[{"price":1},{"count":4294967296}]}""")]
    [InlineData("""{"list":[{"inner":{"price":-1e999}}]}""")]
    public async Task OutOfRangeNumberIsBadUserInputAndNeverReachesTheSubgraph(string variables)
    {
        var before = echo.Echo.Received.Count;

        var response = await echo.PostAsync(Query, variables);

        Assert.Equal(400, response.Status);
        Assert.False(response.Body.TryGetProperty("data", out _), response.ToString());
        var error = Assert.Single(response.Errors);
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(before, echo.Echo.Received.Count);
        Assert.Empty(echo.Gateway.Logs.AtLeast(LogLevel.Error));
    }

    [Fact]
    public async Task NonFiniteFloatErrorNamesTheVariableAndWhereInsideIt()
    {
        var response = await echo.PostAsync(Query, """{"list":[{"price":1},{"inner":{"prices":[2,1e400]}}]}""");

        var message = Assert.Single(response.Errors).GetProperty("message").GetString();
        Assert.Contains("$list", message);
        Assert.Contains("[1].inner.prices[1]", message);
    }

    [Fact]
    public async Task NumbersAtTheEdgesOfTheirRangesReachTheSubgraph()
    {
        var response = await echo.PostAsync(
            Query, """{"price":1.7976931348623157e308,"count":2147483647,"counts":[-2147483648],"numbers":{"price":-1e-320,"inner":{"count":0}}}""");

        JsonAssert.Equal("""{"data":{"echo":"ok"}}""", response.Body);
        Assert.Contains("1.7976931348623157e308", echo.Echo.Received[^1].Body);
    }
}
