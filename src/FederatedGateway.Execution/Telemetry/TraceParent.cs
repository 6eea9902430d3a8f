using System.Diagnostics;

namespace FederatedGateway.Execution.Telemetry;

/// <summary>
/// The W3C trace context headers (<c>traceparent</c>, <c>tracestate</c>) of one of the gateway's spans, which is what
/// a subgraph receives: the client's own trace headers never pass through (see <see cref="Headers.HeaderPolicy"/>'s
/// forwarded headers, which these replace).
/// </summary>
public static class TraceParent
{
    public const string Header = "traceparent";

    public const string StateHeader = "tracestate";

    /// <summary>The gateway span a subgraph call made now belongs to: <see cref="Activity.Current"/> when it is the gateway's own.</summary>
    public static Activity? CurrentFetch()
    {
        var current = Activity.Current;
        return GatewayTelemetry.IsOwn(current) ? current : null;
    }

    /// <summary><c>00-{trace id}-{span id}-{flags}</c>: a W3C activity's own <see cref="Activity.Id"/> (kept, not rebuilt).</summary>
    public static string Format(Activity activity) =>
        activity.IdFormat == ActivityIdFormat.W3C && activity.Id is { } id
            ? id
            : $"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-{((activity.ActivityTraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";

    /// <summary>Whether <paramref name="name"/> is one of the trace context headers (forwarded client copies of them are dropped).</summary>
    public static bool IsTraceHeader(string name) =>
        name.Equals(Header, StringComparison.OrdinalIgnoreCase)
        || name.Equals(StateHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals("baggage", StringComparison.OrdinalIgnoreCase);
}
