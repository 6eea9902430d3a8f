using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FederatedGateway.Demo.Security;

/// <summary>
/// The demo's own JWT issuer: an RSA signing key kept in a file of the demo's data folder (made at first start,
/// reused after), its public half as a JSON Web Key Set file the gateway validates tokens against (<c>JwksFile</c>),
/// and tokens for the <see cref="DemoTrader"/>s. Nothing of it is in the repository.
/// </summary>
public sealed class DemoIssuer : IDisposable
{
    public const string IssuerName = "https://fgw-demo.localhost";
    public const string Audience = "fgw-demo";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    private readonly RSA _rsa;
    private readonly RsaSecurityKey _key;

    private DemoIssuer(RSA rsa, string jwksPath)
    {
        _rsa = rsa;
        _key = new RsaSecurityKey(rsa) { KeyId = KeyId(rsa) };
        JwksPath = jwksPath;
    }

    /// <summary>The JWKS file the gateway reads.</summary>
    public string JwksPath { get; }

    /// <summary>Where the demo keeps its files unless told otherwise: the user's local application data.</summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "FederatedGateway", "demo");

    /// <summary>Loads the signing key from <paramref name="dataDirectory"/>, making it first when it is not there, and writes the JWKS beside it.</summary>
    public static DemoIssuer Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var keyPath = Path.Combine(dataDirectory, "signing-key.pem");
        var rsa = RSA.Create();
        if (File.Exists(keyPath))
        {
            try
            {
                rsa.ImportFromPem(File.ReadAllText(keyPath));
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                rsa.Dispose();
                throw new InvalidOperationException($"{keyPath} is not a PEM RSA private key; delete it and the demo makes a new one.", ex);
            }
        }
        else
        {
            rsa.KeySize = 2048;
            WritePrivate(keyPath, rsa.ExportRSAPrivateKeyPem());
        }

        var issuer = new DemoIssuer(rsa, Path.Combine(dataDirectory, "jwks.json"));
        File.WriteAllText(issuer.JwksPath, issuer.Jwks());
        return issuer;
    }

    /// <summary>A signed token for <paramref name="trader"/>: subject its trader id, its scopes in <c>scope</c>.</summary>
    public string Token(DemoTrader trader)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerName,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["sub"] = trader.TraderId, ["name"] = trader.Login, ["scope"] = trader.Scope },
            IssuedAt = now,
            NotBefore = now,
            Expires = now + TokenLifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private string Jwks()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var key = new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = _key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        return JsonSerializer.Serialize(new { keys = new[] { key } });
    }

    /// <summary>The key id: a hash of the public key, so a new key file gets a new id.</summary>
    private static string KeyId(RSA rsa) => Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 12).ToArray());

    private static void WritePrivate(string path, string pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(pem);
    }

    public void Dispose() => _rsa.Dispose();
}
