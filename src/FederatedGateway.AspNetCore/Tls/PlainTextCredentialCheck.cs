using System.Net;
using FederatedGateway.Execution.Sources;

namespace FederatedGateway.AspNetCore.Tls;

/// <summary>
/// Refuses, in Production, a subgraph served over plain http on a non-loopback address when the header settings would
/// send it credentials: Authorization, Proxy-Authorization, cookies, the API-key header, or a claim of the caller.
/// </summary>
internal static class PlainTextCredentialCheck
{
    private static readonly string[] CredentialHeaders = ["Authorization", "Proxy-Authorization", "Cookie"];

    public static Action<SubgraphEndpoint>? For(GatewayOptions options, bool isProduction)
    {
        if (!isProduction || options.Tls.AllowPlainTextCredentials)
        {
            return null;
        }

        var credentialNames = new HashSet<string>(CredentialHeaders, StringComparer.OrdinalIgnoreCase) { options.Authentication.ApiKeys.Header };
        return endpoint => Check(endpoint, CredentialSent(options, endpoint.Name, credentialNames));
    }

    /// <summary>The same for REST and SOAP sources, whose own headers and credentials (API keys, basic, OAuth) count too.</summary>
    public static Action<SubgraphEndpoint, OpenApi.Sources.ApiSource>? ForApiSources(GatewayOptions options, bool isProduction)
    {
        if (!isProduction || options.Tls.AllowPlainTextCredentials)
        {
            return null;
        }

        var credentialNames = new HashSet<string>(CredentialHeaders, StringComparer.OrdinalIgnoreCase) { options.Authentication.ApiKeys.Header };
        return (endpoint, source) => Check(endpoint, CredentialSent(options, endpoint.Name, credentialNames)
            ?? (source.Credentials is not null ? "OAuth bearer tokens" : source.Headers.Keys.FirstOrDefault()));
    }

    private static void Check(SubgraphEndpoint endpoint, string? header)
    {
        if (header is null || !Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || IsLoopback(uri))
        {
            return;
        }

        throw new SubgraphRefusedException(
            $"subgraph '{endpoint.Name}' at {uri.Scheme}://{uri.Authority} would receive credentials ({header}) in plain text: serve it over https, stop sending it that header, or set Gateway:Tls:AllowPlainTextCredentials.");
    }

    private static string? CredentialSent(GatewayOptions options, string subgraph, HashSet<string> credentialNames)
    {
        var rules = options.Headers.All.AsEnumerable();
        if (options.Headers.Subgraphs.TryGetValue(subgraph, out var own))
        {
            rules = rules.Concat(own);
        }

        foreach (var name in options.ForwardedHeaders)
        {
            if (credentialNames.Contains(name))
            {
                return name;
            }
        }

        foreach (var rule in rules)
        {
            if (rule.Propagate is { } propagated && (credentialNames.Contains(propagated) || (rule.Rename is { } renamed && credentialNames.Contains(renamed))))
            {
                return propagated;
            }

            if (rule.Insert is { } inserted && (rule.FromClaim is not null || credentialNames.Contains(inserted)))
            {
                return rule.FromClaim is null ? inserted : $"{inserted} from claim {rule.FromClaim}";
            }
        }

        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
