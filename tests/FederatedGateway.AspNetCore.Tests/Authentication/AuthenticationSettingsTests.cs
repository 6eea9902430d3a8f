using FederatedGateway.AspNetCore.Authentication;

namespace FederatedGateway.AspNetCore.Tests.Authentication;

/// <summary>Settings that cannot work, or are unsafe, are refused at start with a message naming the setting.</summary>
public sealed class AuthenticationSettingsTests
{
    private static JwtIssuerSettings Issuer() => new() { Issuer = "https://idp.test", JwksUrl = "https://idp.test/jwks" };

    [Fact]
    public void Valid_settings_have_no_problems()
    {
        var settings = new AuthenticationSettings { Required = true, Jwt = [Issuer()] };

        Assert.Empty(settings.Problems());
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "required-without-providers", "Required needs" },
        { "plain-http-jwks", "is not https" },
        { "url-and-file", "exactly one of JwksUrl and JwksFile" },
        { "alg-none", "never 'none'" },
        { "same-issuer-twice", "twice" },
        { "plain-api-key", "SHA-256 hash as 64 hex digits" },
        { "no-issuer", "Issuer is required" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_settings_name_their_problem(string broken, string problem)
    {
        var settings = broken switch
        {
            "required-without-providers" => new AuthenticationSettings { Required = true },
            "plain-http-jwks" => new AuthenticationSettings { Jwt = [new JwtIssuerSettings { Issuer = "i", JwksUrl = "http://idp.test/jwks" }] },
            "url-and-file" => new AuthenticationSettings { Jwt = [new JwtIssuerSettings { Issuer = "i", JwksUrl = "https://idp.test/jwks", JwksFile = "jwks.json" }] },
            "alg-none" => new AuthenticationSettings { Jwt = [new JwtIssuerSettings { Issuer = "i", JwksFile = "jwks.json", Algorithms = ["RS256", "none"] }] },
            "same-issuer-twice" => new AuthenticationSettings { Jwt = [Issuer(), Issuer()] },
            "plain-api-key" => new AuthenticationSettings { ApiKeys = new ApiKeySettings { Keys = [new ApiKeyEntry { Name = "bot", Sha256 = "secret" }] } },
            "no-issuer" => new AuthenticationSettings { Jwt = [new JwtIssuerSettings { JwksFile = "jwks.json" }] },
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };

        Assert.Contains(settings.Problems(), p => p.Contains(problem, StringComparison.Ordinal));
    }
}
