namespace FederatedGateway.Execution.Subscriptions;

/// <summary>What a <see cref="GatewayMessage"/> carries to the client.</summary>
public enum GatewayMessageKind
{
    /// <summary>A GraphQL response (<c>{"data":…,"errors":…}</c>): a query's result or one subscription event.</summary>
    Next,

    /// <summary>The operation failed as a whole: a JSON array of GraphQL errors; nothing follows.</summary>
    Error,
}
