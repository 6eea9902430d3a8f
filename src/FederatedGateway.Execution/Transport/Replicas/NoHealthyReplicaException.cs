using System.Net.Http;

namespace FederatedGateway.Execution.Transport.Replicas;

/// <summary>
/// Every replica of a subgraph is out of rotation (failing its health checks): the fetch is not sent. The transport
/// answers it with <see cref="SubgraphFailureCodes.Unavailable"/>; the circuit breaker counts it as a failure.
/// </summary>
public sealed class NoHealthyReplicaException(string subgraph)
    : HttpRequestException(HttpRequestError.Unknown, $"No replica of subgraph \"{subgraph}\" is healthy.")
{
    public string Subgraph { get; } = subgraph;
}
