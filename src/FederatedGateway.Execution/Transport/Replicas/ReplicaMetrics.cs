using System.Diagnostics.Metrics;

namespace FederatedGateway.Execution.Transport.Replicas;

/// <summary>
/// Replica ejections and restorations, counted in the meter <c>FederatedGateway.Traffic</c> as
/// <c>fgw.replica.ejections</c> and <c>fgw.replica.restorations</c>, tagged with the subgraph and the reason
/// (<c>failures</c>, <c>health_check</c>, <c>back_off_over</c>).
/// </summary>
internal static class ReplicaMetrics
{
    private static readonly Meter Meter = new("FederatedGateway.Traffic");
    private static readonly Counter<long> Ejections = Meter.CreateCounter<long>("fgw.replica.ejections", description: "Replicas taken out of rotation");
    private static readonly Counter<long> Restorations = Meter.CreateCounter<long>("fgw.replica.restorations", description: "Replicas put back in rotation");

    public static void Ejected(string subgraph, string reason) =>
        Ejections.Add(1, new KeyValuePair<string, object?>("subgraph", subgraph), new KeyValuePair<string, object?>("reason", reason));

    public static void Restored(string subgraph, string reason) =>
        Restorations.Add(1, new KeyValuePair<string, object?>("subgraph", subgraph), new KeyValuePair<string, object?>("reason", reason));
}
