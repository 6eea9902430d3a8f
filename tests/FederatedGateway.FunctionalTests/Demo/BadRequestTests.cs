using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>Requests the gateway refuses before any subgraph is asked: status, media type, error codes and locations.</summary>
public sealed class BadRequestTests(DemoHttpFixture demo) : IClassFixture<DemoHttpFixture>
{
    [Fact]
    public async Task UnknownFieldIs400GraphQLResponseWithValidationCodeAndLocation()
    {
        var response = await demo.PostAsync("{\n  me {\n    nope\n  }\n}", accept: GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(400, response.Status);
        Assert.Equal(GraphQLHttp.GraphQLResponseJson, response.MediaType);
        Assert.False(response.Body.TryGetProperty("data", out _), response.ToString());
        var error = Assert.Single(response.Errors);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("nope", error.GetProperty("message").GetString());
        var location = Assert.Single(error.GetProperty("locations").EnumerateArray());
        Assert.Equal(3, location.GetProperty("line").GetInt32());
        Assert.Equal(5, location.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task ValidationErrorOverPlainJsonIs200WithoutData()
    {
        var response = await demo.PostAsync("""{ trader { name } }""");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.MediaType);
        Assert.False(response.Body.TryGetProperty("data", out _), response.ToString());
        Assert.All(response.Errors, e => Assert.Equal("GRAPHQL_VALIDATION_FAILED", e.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.NotEmpty(response.Errors);
    }

    [Fact]
    public async Task SyntaxErrorIsParseFailedWithLocation()
    {
        var response = await demo.PostAsync("{ me { name ", accept: GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(400, response.Status);
        var error = Assert.Single(response.Errors);
        Assert.Equal("GRAPHQL_PARSE_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task EnumVariableWithAnUnknownValueIsBadUserInput()
    {
        var response = await demo.PostAsync("query($s: OrderStatus) { orders(status: $s) { id } }", new { s = "NOT_A_STATUS" }, GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(400, response.Status);
        Assert.False(response.Body.TryGetProperty("data", out _), response.ToString());
        var error = Assert.Single(response.Errors);
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task MissingRequiredVariableIsBadUserInput()
    {
        var response = await demo.PostAsync("query($id: ID!) { trader(id: $id) { name } }", accept: GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_USER_INPUT", Assert.Single(response.Errors).GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task InputObjectVariableWithAWrongFieldTypeIsBadUserInput()
    {
        var response = await demo.PostAsync(
            "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }",
            new { input = new { traderId = "t1", symbol = "AAPL", side = "BUY", quantity = "many", limitPrice = 1.0 } },
            GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_USER_INPUT", Assert.Single(response.Errors).GetProperty("extensions").GetProperty("code").GetString());

        var orders = await demo.PostAsync("{ orders { id } }");
        Assert.Equal(6, orders.Data.GetProperty("orders").GetArrayLength()); // nothing was placed
    }
}
