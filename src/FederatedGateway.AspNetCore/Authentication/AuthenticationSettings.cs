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

    /// <summary>Whether any way to authenticate is configured.</summary>
    public bool IsEnabled => Jwt.Count > 0 || ApiKeys.Keys.Count > 0;

    internal IEnumerable<string> Problems()
    {
        if (Required && !IsEnabled)
        {
            yield return "Gateway:Authentication:Required needs Gateway:Authentication:Jwt or Gateway:Authentication:ApiKeys.";
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
