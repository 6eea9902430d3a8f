using System.Text;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.OpenApi.Sources;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.OpenApi.Auth;

/// <summary>
/// The <c>auth:</c> option of a REST or SOAP source: <c>basic: { username, password }</c> or
/// <c>oauth2: { token_url, client_id, client_secret, scope }</c> (client credentials). Values may read the
/// environment (<c>${NAME}</c>) so secrets stay out of the file. Mutual TLS is configured per subgraph with
/// <c>Gateway:Tls:Subgraphs:&lt;name&gt;</c>, as for GraphQL subgraphs.
/// </summary>
public sealed record SourceAuthOptions(string Kind, IReadOnlyDictionary<string, string> Values)
{
    private static readonly string[] s_kinds = ["basic", "oauth2"];
    private static readonly string[] s_basicKeys = ["username", "password"];
    private static readonly string[] s_oauthKeys = ["token_url", "client_id", "client_secret", "scope"];

    /// <summary>The <c>auth:</c> mapping of an entry, or null when it has none.</summary>
    public static SourceAuthOptions? Read(SourceOptionsReader reader, YamlMappingNode entry)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (SourceOptionsReader.Child(entry, "auth") is not { } node)
        {
            return null;
        }

        var auth = reader.Mapping(node, s_kinds, "auth");
        if (auth.Children.Count != 1)
        {
            throw reader.Error(node, "\"auth\" must have exactly one of basic or oauth2.");
        }

        var (key, value) = auth.Children.Single();
        var kind = ((YamlScalarNode)key).Value!;
        var allowed = kind == "basic" ? s_basicKeys : s_oauthKeys;
        var options = reader.Mapping(value, allowed, $"auth {kind}");
        var values = allowed.Select(k => (k, reader.Text(options, k))).Where(p => p.Item2 is not null).ToDictionary(p => p.k, p => p.Item2!, StringComparer.Ordinal);
        foreach (var required in allowed.Where(k => k != "scope" && !values.ContainsKey(k)))
        {
            throw reader.Error(value, $"auth {kind} needs \"{required}\".");
        }

        if (kind == "oauth2" && (!Uri.TryCreate(values["token_url"], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            throw reader.Error(value, $"auth oauth2: \"token_url\" must be an absolute http(s) URL, not \"{values["token_url"]}\".");
        }

        return new SourceAuthOptions(kind, values);
    }

    /// <summary>Basic credentials as the <c>Authorization</c> header to send, or the OAuth credentials to apply, with <c>${NAME}</c> read from the environment.</summary>
    /// <param name="where">The entry's description for messages.</param>
    public (KeyValuePair<string, string>? Header, SourceCredentials? Credentials) Create(string where, HttpClient tokenClient)
    {
        var values = Values.ToDictionary(p => p.Key, p => SourceDocuments.ExpandValue(p.Value, $"auth {Kind} \"{p.Key}\"", where), StringComparer.Ordinal);
        if (Kind == "basic")
        {
            var pair = Convert.ToBase64String(Encoding.UTF8.GetBytes(values["username"] + ":" + values["password"]));
            return (new KeyValuePair<string, string>("Authorization", "Basic " + pair), null);
        }

        return (null, new ClientCredentialsToken(new Uri(values["token_url"]), values["client_id"], values["client_secret"], values.GetValueOrDefault("scope"), tokenClient));
    }
}
