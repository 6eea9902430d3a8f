using System.Numerics;
using System.Text.Json;
using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Tests.Operations;

public sealed class VariableInputsTests
{
    [Fact]
    public void Values_keep_the_types_GraphQL_NET_coerces_from()
    {
        var inputs = VariableInputs.Read(Parse("""{"i":7,"big":2147483648,"huge":99999999999999999999,"f":1.5,"s":"x","b":true,"n":null,"l":[1,"a"],"o":{"k":"v"}}"""));

        Assert.Equal(7, inputs["i"]);
        Assert.Equal(2147483648L, inputs["big"]);
        Assert.Equal(BigInteger.Parse("99999999999999999999"), inputs["huge"]);
        Assert.Equal(1.5, Convert.ToDouble(inputs["f"]));
        Assert.Equal("x", inputs["s"]);
        Assert.Equal(true, inputs["b"]);
        Assert.Null(inputs["n"]);
        Assert.Equal([1, "a"], Assert.IsAssignableFrom<IEnumerable<object?>>(inputs["l"]));
        Assert.Equal("v", Assert.IsAssignableFrom<IDictionary<string, object?>>(inputs["o"])["k"]);
    }

    [Fact]
    public void Half_a_surrogate_pair_is_a_json_error_not_an_unhandled_one()
    {
        var error = Assert.Throws<JsonException>(() => VariableInputs.Read(Parse("""{"s":"\ud800"}""")));
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_past_64_levels_is_a_json_error()
    {
        var deep = new string('[', 70) + new string(']', 70);
        Assert.ThrowsAny<JsonException>(() => VariableInputs.Read(Parse("{\"l\":" + deep + "}")));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 200 }).RootElement;
}
