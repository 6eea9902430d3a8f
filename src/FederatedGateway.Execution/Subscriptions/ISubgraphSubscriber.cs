using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Subscriptions;

/// <summary>
/// Opens subscriptions on subgraphs. The stream ends after the subgraph completes the operation or after an
/// <see cref="SubgraphEventKind.Error"/>/<see cref="SubgraphEventKind.Failed"/> event; failures are events, not
/// exceptions. Disposing the enumerator (or cancelling it) ends the subscription on the subgraph.
/// </summary>
public interface ISubgraphSubscriber
{
    /// <param name="request">The subscription operation (<c>{"query":"subscription …","variables":…}</c>) and where to send it.</param>
    IAsyncEnumerable<SubgraphEvent> SubscribeAsync(SubgraphRequest request, CancellationToken cancellationToken);
}
