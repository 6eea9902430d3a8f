namespace FederatedGateway.AspNetCore.Authentication;

/// <summary>One trusted issuer of JWT bearer tokens and where its signing keys are published (a JWKS URL or file).</summary>
public sealed class JwtIssuerSettings
{
    /// <summary>The <c>iss</c> claim of its tokens; a token names the issuer it is checked against.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Accepted <c>aud</c> values; empty accepts any audience.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>The issuer's JSON Web Key Set URL (https unless <see cref="RequireHttpsJwks"/> is off).</summary>
    public string? JwksUrl { get; set; }

    /// <summary>A JSON Web Key Set file, instead of <see cref="JwksUrl"/>.</summary>
    public string? JwksFile { get; set; }

    /// <summary>Refuse a JWKS URL that is not https. Default on.</summary>
    public bool RequireHttpsJwks { get; set; } = true;

    /// <summary>Tolerance for <c>exp</c> and <c>nbf</c> against the gateway's clock. Default 30 s.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the key set is fetched again on its own. Default 1 h.</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time between two fetches caused by tokens signed with a key the gateway does not know (a rotation,
    /// or a flood of made-up key ids): such tokens are refused in between. Default 5 min.
    /// </summary>
    public TimeSpan JwksMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Accepted signing algorithms (never <c>none</c>). Default the asymmetric RS, PS and ES families.</summary>
    public List<string> Algorithms { get; set; } = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    internal IEnumerable<string> Problems(string path)
    {
        if (string.IsNullOrWhiteSpace(Issuer))
        {
            yield return path + ":Issuer is required.";
        }

        if (string.IsNullOrEmpty(JwksUrl) == string.IsNullOrEmpty(JwksFile))
        {
            yield return path + " needs exactly one of JwksUrl and JwksFile.";
        }
        else if (JwksUrl is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                yield return $"{path}:JwksUrl '{url}' is not an absolute http(s) URL.";
            }
            else if (RequireHttpsJwks && uri.Scheme != Uri.UriSchemeHttps)
            {
                yield return $"{path}:JwksUrl '{url}' is not https (set RequireHttpsJwks to false only for local development).";
            }
        }

        if (ClockSkew < TimeSpan.Zero || JwksRefreshInterval <= TimeSpan.Zero || JwksMinimumRefreshInterval < TimeSpan.FromSeconds(1))
        {
            yield return path + " needs a ClockSkew of zero or more, a positive JwksRefreshInterval and a JwksMinimumRefreshInterval of at least 1 s.";
        }

        if (Algorithms.Count == 0 || Algorithms.Any(a => string.Equals(a, "none", StringComparison.OrdinalIgnoreCase)))
        {
            yield return path + ":Algorithms must list at least one signing algorithm and never 'none'.";
        }
    }
}
