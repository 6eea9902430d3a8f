using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.Registry.Http;

/// <summary>Finds the token behind a request (<c>Authorization: Bearer &lt;token&gt;</c>), compared by SHA-256 in constant time.</summary>
internal sealed class RegistryCallers
{
    private readonly List<(byte[] Hash, string Name, RegistryScope[] Scopes)> _tokens;

    public RegistryCallers(RegistrySettings settings) =>
        _tokens = [.. settings.Tokens.Select(t => (Convert.FromHexString(t.Sha256), t.Name, t.Scopes.Select(s => RegistryScope.Parse(s)!).ToArray()))];

    /// <summary>The caller's name and scopes; null when the request carries no known token.</summary>
    public (string Name, RegistryScope[] Scopes)? Find(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > 4096)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        foreach (var (known, name, scopes) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(known, hash))
            {
                return (name, scopes);
            }
        }

        return null;
    }
}
