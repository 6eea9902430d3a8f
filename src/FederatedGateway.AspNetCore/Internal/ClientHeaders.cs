using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>What the gateway reads of a client's own description, and the Retry-After it writes back.</summary>
internal static class ClientHeaders
{
    /// <summary>The header clients name themselves with (Apollo's convention, also used by usage reporting).</summary>
    public const string ClientNameHeader = "apollographql-client-name";

    /// <summary>The same in the vendor-neutral spelling, read when Apollo's is absent.</summary>
    public const string NeutralClientNameHeader = "graphql-client-name";

    public const string ClientVersionHeader = "apollographql-client-version";

    public const string NeutralClientVersionHeader = "graphql-client-version";

    private const int MaxLength = 128;

    public static string? Name(HttpRequest request) => Read(request, ClientNameHeader) ?? Read(request, NeutralClientNameHeader);

    public static string? Version(HttpRequest request) => Read(request, ClientVersionHeader) ?? Read(request, NeutralClientVersionHeader);

    public static string? TraceParent(HttpRequest request) => Read(request, "traceparent");

    public static string? TraceState(HttpRequest request)
    {
        var value = request.Headers["tracestate"];
        return value.Count == 1 && value[0] is { Length: > 0 and <= 512 } state ? state : null;
    }

    private static string? Read(HttpRequest request, string header)
    {
        var value = request.Headers[header];
        return value.Count == 1 && value[0] is { Length: > 0 and <= MaxLength } text ? text : null;
    }

    public static void SetRetryAfter(HttpResponse response, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
        }
    }
}
