using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>Content negotiation and content-type checks of the GraphQL-over-HTTP spec.</summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string JsonUtf8 = "application/json; charset=utf-8";
    public const string GraphQLResponseJsonUtf8 = "application/graphql-response+json; charset=utf-8";

    public static string ContentType(ResponseMediaType mediaType) =>
        mediaType == ResponseMediaType.GraphQLResponseJson ? GraphQLResponseJsonUtf8 : JsonUtf8;

    /// <summary>
    /// Picks the response media type from the <c>Accept</c> header: the supported type with the highest quality,
    /// where a type's quality comes from the most specific range matching it. On a tie an explicitly listed
    /// <c>application/graphql-response+json</c> wins; wildcards alone (or no Accept header) mean <c>application/json</c>.
    /// </summary>
    public static ResponseMediaType Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
        {
            return ResponseMediaType.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return ResponseMediaType.None;
        }

        var (jsonQuality, jsonSpecificity) = Match(ranges, "application", "json");
        var (graphQLQuality, graphQLSpecificity) = Match(ranges, "application", "graphql-response+json");

        if (jsonQuality <= 0 && graphQLQuality <= 0)
        {
            return ResponseMediaType.None;
        }

        if (graphQLQuality > jsonQuality)
        {
            return ResponseMediaType.GraphQLResponseJson;
        }

        if (jsonQuality > graphQLQuality)
        {
            return ResponseMediaType.Json;
        }

        // Same quality: the more specific match wins; an exact graphql-response+json beats an exact json.
        return graphQLSpecificity == 2 && graphQLSpecificity >= jsonSpecificity
            ? ResponseMediaType.GraphQLResponseJson
            : ResponseMediaType.Json;
    }

    /// <summary>
    /// Quality and specificity (0 = <c>*/*</c>, 1 = <c>type/*</c>, 2 = exact) of the most specific range matching
    /// <paramref name="type"/>/<paramref name="subtype"/>; quality 0 when none matches.
    /// </summary>
    private static (double Quality, int Specificity) Match(IList<MediaTypeHeaderValue> ranges, string type, string subtype)
    {
        var bestSpecificity = -1;
        var quality = 0.0;
        foreach (var range in ranges)
        {
            int specificity;
            if (range.MatchesAllTypes)
            {
                specificity = 0;
            }
            else if (!range.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            else if (range.MatchesAllSubTypes)
            {
                specificity = 1;
            }
            else if (range.SubType.Equals(subtype, StringComparison.OrdinalIgnoreCase))
            {
                specificity = 2;
            }
            else
            {
                continue;
            }

            if (range.Charset.HasValue && !IsUtf8(range.Charset))
            {
                continue;
            }

            if (specificity > bestSpecificity)
            {
                bestSpecificity = specificity;
                quality = range.Quality ?? 1.0;
            }
        }

        return (quality, bestSpecificity);
    }

    /// <summary>
    /// True for a POST body type the endpoint reads: <c>application/json</c> with no charset or a UTF-8 charset.
    /// </summary>
    public static bool IsSupportedRequestContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        if (!parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !parsed.Charset.HasValue || IsUtf8(parsed.Charset);
    }

    private static bool IsUtf8(StringSegment charset)
    {
        var value = HeaderUtilities.RemoveQuotes(charset);
        return value.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || value.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
