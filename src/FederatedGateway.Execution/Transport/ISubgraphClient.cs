namespace FederatedGateway.Execution.Transport;

/// <summary>
/// Sends one GraphQL request to one subgraph. HTTP and (later) gRPC are peers behind this interface;
/// the executor never knows which protocol answers a fetch.
/// </summary>
public interface ISubgraphClient
{
    /// <summary>
    /// Sends <paramref name="request"/> and returns the subgraph's answer. Transport failures
    /// (connection refused, timeout, non-2xx) are returned as a failed response, not thrown.
    /// </summary>
    ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken);
}
