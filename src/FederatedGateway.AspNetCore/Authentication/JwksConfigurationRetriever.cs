using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FederatedGateway.AspNetCore.Authentication;

/// <summary>
/// Reads a bare JSON Web Key Set (not an OpenID discovery document) into the configuration JwtBearer validates
/// against, so Microsoft.IdentityModel's <see cref="ConfigurationManager{T}"/> does the caching, the periodic refresh
/// and the rate-limited refresh on an unknown key id.
/// </summary>
internal sealed class JwksConfigurationRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    /// <summary>Key sets larger than this are refused: a key set is a few kilobytes.</summary>
    public const int MaxDocumentLength = 1024 * 1024;

    private readonly string _issuer;

    public JwksConfigurationRetriever(string issuer) => _issuer = issuer;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var document = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        if (document.Length > MaxDocumentLength)
        {
            throw new InvalidOperationException($"The key set for issuer '{_issuer}' is larger than {MaxDocumentLength} characters.");
        }

        var keys = new JsonWebKeySet(document);
        var configuration = new OpenIdConnectConfiguration { Issuer = _issuer, JsonWebKeySet = keys };
        foreach (var key in keys.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }
}
