namespace FederatedGateway.Execution.Subscriptions;

/// <summary>What a subgraph subscription delivered.</summary>
public enum SubgraphEventKind
{
    /// <summary>An event: the body is a GraphQL response (<c>{"data":…,"errors":…}</c>).</summary>
    Next,

    /// <summary>The subgraph refused or ended the operation with errors: the body is <c>{"errors":[…]}</c>; nothing follows.</summary>
    Error,

    /// <summary>The transport failed (unreachable, protocol violation, connection lost): see the response's failure; nothing follows.</summary>
    Failed,
}
