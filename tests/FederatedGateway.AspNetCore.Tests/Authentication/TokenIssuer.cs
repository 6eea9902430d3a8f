using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FederatedGateway.AspNetCore.Tests.Authentication;

/// <summary>A token issuer for tests: RSA signing keys with key ids, its JSON Web Key Set, and signed tokens.</summary>
internal sealed class TokenIssuer
{
    private readonly List<RsaSecurityKey> _published = [];

    public TokenIssuer(string issuer)
    {
        Issuer = issuer;
        Current = NewKey();
        _published.Add(Current);
    }

    public string Issuer { get; }

    public RsaSecurityKey Current { get; private set; }

    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    /// <summary>Publishes a new key and signs with it from now on (the old one stays published).</summary>
    public void Rotate()
    {
        Current = NewKey();
        _published.Add(Current);
    }

    public string Jwks()
    {
        var keys = _published.Select(key =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            return new Dictionary<string, string> { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E };
        });
        return System.Text.Json.JsonSerializer.Serialize(new { keys });
    }

    public string Token(
        string subject = "alice", string audience = "trading-gateway", TimeSpan? lifetime = null, string? scope = null,
        SecurityKey? key = null, string? issuer = null, string? keyId = null)
    {
        var signingKey = key ?? Current;
        if (keyId is not null)
        {
            signingKey = new RsaSecurityKey(((RsaSecurityKey)signingKey).Rsa) { KeyId = keyId };
        }

        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (scope is not null)
        {
            claims["scope"] = scope;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with this issuer's claims.</summary>
    public string UnsignedToken(string subject = "alice")
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
            Encode($"{{\"iss\":\"{Issuer}\",\"sub\":\"{subject}\",\"aud\":\"trading-gateway\",\"exp\":{exp}}}") + ".";
    }
}
