using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Authentication;

/// <summary>The options of <see cref="ApiKeyAuthenticationHandler"/>: the header and the configured keys.</summary>
internal sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    public ApiKeySettings Settings { get; set; } = new();
}

/// <summary>
/// An ASP.NET Core authentication scheme for API keys: hashes the key the client sent with SHA-256 and compares it
/// in constant time with each configured hash. The identity's <c>sub</c> is the key's name and its <c>scope</c> the
/// key's scopes, as a token's would be.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler : AuthenticationHandler<ApiKeyAuthenticationOptions>
{
    public const string SchemeName = "fgw-api-key";

    /// <summary>The claim that marks an identity proved by an API key (its value: the key's name).</summary>
    public const string ApiKeyClaim = "fgw_api_key";

    /// <summary>Longer values are refused without hashing.</summary>
    private const int MaxKeyLength = 512;

    public ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var settings = Options.Settings;
        if (!Request.Headers.TryGetValue(settings.Header, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return Task.FromResult(AuthenticateResult.Fail("the API key is malformed"));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        ApiKeyEntry? match = null;
        foreach (var entry in settings.Keys)
        {
            // Every entry is compared, in constant time, so the time taken says nothing about which one matched.
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(entry.Sha256)))
            {
                match = entry;
            }
        }

        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("the API key is not valid"));
        }

        var claims = new List<Claim> { new("sub", match.Name), new(ApiKeyClaim, match.Name) };
        if (match.Scopes.Count > 0)
        {
            claims.Add(new Claim("scope", string.Join(' ', match.Scopes)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, "sub", null));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
