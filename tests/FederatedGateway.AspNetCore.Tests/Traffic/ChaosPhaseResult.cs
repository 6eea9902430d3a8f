namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>
/// What one chaos phase measured: requests, error rate (%) and p99 (ms) in its first second, for the rest of the fault
/// (the replica out of rotation) and after the restore, and the time from the restore to the replica serving again.
/// </summary>
internal sealed record ChaosPhaseResult(
    (int Count, double ErrorPercent, double P99Ms) During,
    (int Count, double ErrorPercent, double P99Ms) Ejected,
    (int Count, double ErrorPercent, double P99Ms) After,
    TimeSpan Recovery);
