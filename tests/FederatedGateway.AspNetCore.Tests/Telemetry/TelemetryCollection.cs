namespace FederatedGateway.AspNetCore.Tests.Telemetry;

/// <summary>
/// The gateway's activity source and meter are process-wide: telemetry tests run alone, so the spans and counts
/// they read are only their own traffic's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
