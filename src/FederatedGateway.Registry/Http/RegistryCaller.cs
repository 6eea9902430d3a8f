using System.Security.Cryptography;
using System.Text;
using FederatedGateway.Registry.Storage;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.Registry.Http;

/// <summary>
/// Finds the token behind a request (<c>Authorization: Bearer &lt;token&gt;</c>) by the SHA-256 of its secret: first
/// among the tokens of the settings (compared in constant time), then among those made through the API (looked up
/// by hash; revoked ones are refused).
/// </summary>
internal sealed class RegistryCallers
{
    private readonly List<(byte[] Hash, string Name, RegistryScope[] Scopes)> _tokens;
    private readonly IRegistryStore _store;

    public RegistryCallers(RegistrySettings settings, IRegistryStore store)
    {
        _tokens = [.. settings.Tokens.Select(t => (Convert.FromHexString(t.Sha256), t.Name, t.Scopes.Select(s => RegistryScope.Parse(s)!).ToArray()))];
        _store = store;
    }

    /// <summary>The caller's name and scopes; null when the request carries no known, unrevoked token.</summary>
    public async ValueTask<(string Name, RegistryScope[] Scopes)?> FindAsync(HttpRequest request, CancellationToken cancellationToken)
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

        var stored = await _store.FindTokenAsync(Convert.ToHexStringLower(hash), cancellationToken).ConfigureAwait(false);
        return stored is { RevokedAt: null } ? (stored.Name, [.. stored.Scopes.Select(s => RegistryScope.Parse(s)).OfType<RegistryScope>()]) : null;
    }
}
