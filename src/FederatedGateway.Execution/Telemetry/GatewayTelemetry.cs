using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FederatedGateway.Execution.Telemetry;

/// <summary>
/// The gateway's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/>: what an
/// OpenTelemetry host subscribes to (<c>AddSource</c>, <c>AddMeter</c>). With no listener, no span is created and no
/// measurement is taken: every instrumented place checks <see cref="ActivitySource.HasListeners"/> or
/// <see cref="Instrument.Enabled"/> first.
/// </summary>
public static class GatewayTelemetry
{
    /// <summary>The name of the gateway's activity source and meter.</summary>
    public const string Name = "FederatedGateway";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Whether <paramref name="activity"/> is one of the gateway's own spans (not ASP.NET Core's, not the client's).</summary>
    public static bool IsOwn(Activity? activity) => activity is not null && ReferenceEquals(activity.Source, Source);
}
