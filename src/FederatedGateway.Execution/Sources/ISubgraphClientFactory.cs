using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Sources;

/// <summary>
/// A kind of source (GraphQL over HTTP, gRPC, …): says which subgraphs it serves and gives their client. Each
/// snapshot asks the registered factories, in order, for every subgraph, and the first that can handle it serves it
/// (<see cref="SubgraphRegistry"/>). Adding a source kind (REST, SOAP) is adding a factory: nothing in Core or the
/// executor changes. A factory creates its client on first use, so a source no subgraph uses costs nothing.
/// </summary>
public interface ISubgraphClientFactory
{
    /// <summary>A short name for logs and errors (<c>graphql-http</c>, <c>grpc</c>).</summary>
    string Kind { get; }

    /// <summary>
    /// True when this source claims its subgraphs by name, not by URL scheme (a REST API's URL is plain http like a
    /// GraphQL subgraph's): such sources are asked first.
    /// </summary>
    bool ServesByName => false;

    /// <summary>Whether this source serves <paramref name="subgraph"/> (usually decided by its URL's scheme).</summary>
    bool CanHandle(SubgraphEndpoint subgraph);

    /// <summary>The client for the subgraph's fetches (clients are shared and thread-safe).</summary>
    ISubgraphClient GetClient(SubgraphEndpoint subgraph);

    /// <summary>The subscriber for the subgraph's subscriptions, or null when this source has none.</summary>
    ISubgraphSubscriber? GetSubscriber(SubgraphEndpoint subgraph);
}
