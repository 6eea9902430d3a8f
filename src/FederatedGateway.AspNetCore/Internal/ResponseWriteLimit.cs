using FederatedGateway.Execution.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>
/// Disconnects a client that does not take what it is sent, through Kestrel's minimum response data rate set on its
/// response: every write of up to a given size must be taken within a timeout, or Kestrel aborts the connection, which
/// ends the write and frees what it held. For GraphQL responses (<c>Gateway:ResponseWriteTimeout</c>) the size is
/// <see cref="LargeBodyWriter.SingleWriteLimit"/> (a larger body goes out in smaller pieces); for SSE streams, one
/// event (<c>Gateway:Subscriptions:SendTimeout</c> for <c>MaxSubgraphMessageSize</c> bytes). Kestrel's default (240 bytes/s after 5 s,
/// per write) gave a 70 MB body written at once three days, so 50 clients that never read held over a gigabyte.
/// HTTP/1.x only: HTTP/2 streams have no per-request rate (the connection's limits apply).
/// </summary>
internal sealed class ResponseWriteLimit
{
    private readonly MinDataRate? _rate;

    /// <param name="timeout">The time one write may take; off (0 or Infinite) leaves Kestrel's default.</param>
    /// <param name="bytesPerTimeout">The largest write that must be taken within <paramref name="timeout"/> (larger ones get proportionally more).</param>
    public ResponseWriteLimit(TimeSpan timeout, int bytesPerTimeout)
    {
        _rate = TimeLimit.IsOff(timeout) ? null : new MinDataRate(bytesPerTimeout / timeout.TotalSeconds, timeout);
    }

    /// <summary>The shortest timeout Kestrel can enforce: its grace period must be longer than its 1 s heartbeat.</summary>
    public static TimeSpan Minimum { get; } = TimeSpan.FromSeconds(1);

    /// <summary>True for a timeout that is off or longer than <see cref="Minimum"/>.</summary>
    public static bool IsValid(TimeSpan timeout) => TimeLimit.IsOff(timeout) || timeout > Minimum;

    /// <summary>Applies the limit to the response about to be written.</summary>
    public void Apply(HttpContext context)
    {
        if (_rate is not null
            && (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
            && context.Features.Get<IHttpMinResponseDataRateFeature>() is { } feature)
        {
            feature.MinDataRate = _rate;
        }
    }
}
