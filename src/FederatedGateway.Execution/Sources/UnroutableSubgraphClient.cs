using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Sources;

/// <summary>
/// Stands in for a subgraph no registered source can serve (an unknown URL scheme): every fetch fails with
/// <see cref="Code"/> and a message naming the subgraph and the source kinds there are, so the rest of the graph is
/// still served.
/// </summary>
internal sealed class UnroutableSubgraphClient(string message) : ISubgraphClient
{
    public const string Code = "SUBGRAPH_SOURCE_UNKNOWN";

    public ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SubgraphResponse.Failed(message, Code));
}
