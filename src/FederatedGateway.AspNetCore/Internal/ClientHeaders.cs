using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>What the gateway reads of a client's own description, and the Retry-After it writes back.</summary>
internal static class ClientHeaders
{
    /// <summary>The header clients name themselves with (Apollo's convention, also used by usage reporting).</summary>
    public const string ClientNameHeader = "apollographql-client-name";

    private const int MaxNameLength = 128;

    public static string? Name(HttpRequest request)
    {
        var value = request.Headers[ClientNameHeader];
        return value.Count == 1 && value[0] is { Length: > 0 and <= MaxNameLength } name ? name : null;
    }

    public static void SetRetryAfter(HttpResponse response, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
        }
    }
}
