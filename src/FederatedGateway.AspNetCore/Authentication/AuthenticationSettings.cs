namespace FederatedGateway.AspNetCore.Authentication;

/// <summary>
/// Who may use the gateway, configuration <c>Gateway:Authentication</c>: JWT bearer tokens from one or more issuers,
/// API keys, and whether a request must carry one of them. With neither configured, nobody is authenticated and
/// <see cref="Required"/> must stay off.
/// </summary>
public sealed class AuthenticationSettings
{
    /// <summary>Refuse requests that carry no credentials (<c>UNAUTHENTICATED</c>, 401). Default off.</summary>
    public bool Required { get; set; }

    /// <summary>The trusted token issuers, each validated against its own key set.</summary>
    public List<JwtIssuerSettings> Jwt { get; set; } = [];

    /// <summary>API keys, an alternative to tokens for machine clients.</summary>
    public ApiKeySettings ApiKeys { get; set; } = new();

    /// <summary>
    /// How long a bearer token that passed validation is remembered by its exact text, so the same token on the next
    /// requests is not validated again (never past its own <c>exp</c>). Default 60 s; zero turns it off. A signing key
    /// withdrawn from the key set stops being honoured for tokens already seen after this long at most.
    /// </summary>
    public TimeSpan ValidatedTokenCacheTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many validated tokens are remembered at most (default 10,000).</summary>
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    /// <summary>Whether any way to authenticate is configured.</summary>
    public bool IsEnabled => Jwt.Count > 0 || ApiKeys.Keys.Count > 0;

    internal IEnumerable<string> Problems()
    {
        if (Required && !IsEnabled)
        {
            yield return "Gateway:Authentication:Required needs Gateway:Authentication:Jwt or Gateway:Authentication:ApiKeys.";
        }

        if (ValidatedTokenCacheTime < TimeSpan.Zero || ValidatedTokenCacheSize < 0)
        {
            yield return "Gateway:Authentication:ValidatedTokenCacheTime and ValidatedTokenCacheSize cannot be negative.";
        }

        var issuers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Jwt.Count; i++)
        {
            foreach (var problem in Jwt[i].Problems($"Gateway:Authentication:Jwt:{i}"))
            {
                yield return problem;
            }

            if (!string.IsNullOrEmpty(Jwt[i].Issuer) && !issuers.Add(Jwt[i].Issuer))
            {
                yield return $"Gateway:Authentication:Jwt lists the issuer '{Jwt[i].Issuer}' twice.";
            }
        }

        foreach (var problem in ApiKeys.Problems())
        {
            yield return problem;
        }
    }
}
