namespace FederatedGateway.Execution.Transport.Replicas;

/// <summary>How the replicas of one subgraph are balanced, ejected and probed.</summary>
public sealed class ReplicaOptions
{
    /// <summary>Failures in a row (connection failures, 5xx, timeouts) that eject a replica; 0 turns passive ejection off. Default 3.</summary>
    public int EjectAfterFailures { get; set; } = 3;

    /// <summary>How long a first ejection lasts; each further ejection in a row doubles it, up to <see cref="MaxEjectionTime"/>. Default 2 s.</summary>
    public TimeSpan EjectionTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest an ejection lasts. Default 30 s.</summary>
    public TimeSpan MaxEjectionTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Active health checks; off while <see cref="ReplicaHealthCheckOptions.Interval"/> is zero.</summary>
    public ReplicaHealthCheckOptions HealthCheck { get; set; } = new();

    public bool IsValid() =>
        EjectAfterFailures >= 0 && EjectionTime > TimeSpan.Zero && MaxEjectionTime >= EjectionTime && HealthCheck.IsValid();
}
