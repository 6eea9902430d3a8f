namespace FederatedGateway.Execution.Subscriptions;

/// <summary>What <see cref="WebSocketMessageReader.ReadAsync"/> found.</summary>
public enum WebSocketReadResult
{
    /// <summary>A complete text message.</summary>
    Text,

    /// <summary>A complete binary message (not part of graphql-transport-ws).</summary>
    Binary,

    /// <summary>The peer sent a close frame.</summary>
    Closed,

    /// <summary>The message exceeds the size limit (its remainder was not read).</summary>
    TooLarge,
}
