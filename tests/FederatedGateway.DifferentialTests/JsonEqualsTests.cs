using System.Text.Json.Nodes;

namespace FederatedGateway.DifferentialTests;

public sealed class JsonEqualsTests
{
    [Theory]
    [InlineData("{\"a\":1,\"b\":[1,2]}", "{\"b\":[1,2],\"a\":1.0}", true)]
    [InlineData("{\"a\":[1,2]}", "{\"a\":[2,1]}", false)]
    [InlineData("{\"a\":\"1\"}", "{\"a\":1}", false)]
    [InlineData("{\"a\":null}", "{}", false)]
    [InlineData("{\"a\":{\"b\":true}}", "{\"a\":{\"b\":false}}", false)]
    public void Compares_key_order_insensitively_and_list_order_sensitively(string a, string b, bool equal) =>
        Assert.Equal(equal, DifferentialRunner.JsonEquals(JsonNode.Parse(a), JsonNode.Parse(b)));
}
