using FederatedGateway.Execution.Transport.Replicas;

namespace FederatedGateway.AspNetCore.Traffic;

/// <summary>One subgraph's replicas (<c>Gateway:Replicas:Subgraphs:&lt;name&gt;</c>).</summary>
public sealed class SubgraphReplicaSettings
{
    /// <summary>The subgraph's URLs, all http(s):// or all grpc(s)://.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>This subgraph's own health checks; null uses <c>Gateway:Replicas:HealthCheck</c>.</summary>
    public ReplicaHealthCheckOptions? HealthCheck { get; set; }
}
