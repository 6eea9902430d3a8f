using System.Text;
using FederatedGateway.AspNetCore.Internal;

namespace FederatedGateway.AspNetCore.Tests.Requests;

/// <summary>
/// A client's JSON is refused when a string or key escapes half a surrogate pair, however the escape is spelled,
/// and accepted when its escapes are whole pairs or no surrogates at all.
/// </summary>
public sealed class ClientJsonTests
{
    [Theory]
    [InlineData("""{"query":"\uD800"}""")]
    [InlineData("""{"query":"a\udc00b"}""")]
    [InlineData("""{"query":"\u0022 \uDbFf \u0022"}""")]
    [InlineData("""{"variables":{"x":["\\\uD834"]}}""")]
    [InlineData("""{"query":"\uDE00\uD83D"}""")]
    public void Refuses_a_lone_surrogate_escape(string json)
    {
        using var document = ClientJson.Parse(Encoding.UTF8.GetBytes(json), 64, out var problem);

        Assert.Null(document);
        Assert.Equal(ClientJson.LoneSurrogate, problem);
    }

    [Theory]
    [InlineData("""{"query":"\uD83D\uDE00"}""")]
    [InlineData("""{"query":"\u0022x\u0022 \\uD800 \u00e9"}""")]
    [InlineData("""{"query":"\uD7FF \uE000 \u0044800"}""")]
    public void Accepts_escapes_that_are_no_lone_surrogate(string json)
    {
        using var document = ClientJson.Parse(Encoding.UTF8.GetBytes(json), 64, out var problem);

        Assert.Null(problem);
        Assert.NotNull(document);
    }
}
