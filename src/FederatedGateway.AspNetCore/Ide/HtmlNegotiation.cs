using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FederatedGateway.AspNetCore.Ide;

/// <summary>Tells a browser opening the GraphQL endpoint from a GraphQL client asking for JSON.</summary>
internal static class HtmlNegotiation
{
    /// <summary>
    /// True when the Accept header rates <c>text/html</c> strictly above every media range that a GraphQL answer can
    /// have (<c>application/graphql-response+json</c>, <c>application/json</c>, <c>application/*</c>, <c>*/*</c>).
    /// A browser's navigation (<c>text/html,...,*/*;q=0.8</c>) does; GraphQL clients, and a header listing JSON as
    /// high as HTML, do not, so they keep getting GraphQL over HTTP.
    /// </summary>
    public static bool PrefersHtml(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        double html = 0;
        double graphQL = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            var mediaType = range.MediaType.Value ?? string.Empty;
            if (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (mediaType is "*/*" or "application/*"
                     || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                     || mediaType.Equals("application/graphql-response+json", StringComparison.OrdinalIgnoreCase))
            {
                graphQL = Math.Max(graphQL, quality);
            }
        }

        return html > 0 && html > graphQL;
    }
}
