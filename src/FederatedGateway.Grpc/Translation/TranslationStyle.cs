namespace FederatedGateway.Grpc.Translation;

/// <summary>How a gRPC service's RPCs become GraphQL root fields.</summary>
public enum TranslationStyle
{
    /// <summary>
    /// A graph as a GraphQL designer would write it: read RPCs named after what they return (<c>GetAccount</c> →
    /// <c>account</c>, <c>ListEntries</c> → <c>entries</c>), a response message with one field unwrapped to that
    /// field, entity key strings typed <c>ID</c>.
    /// </summary>
    Idiomatic,

    /// <summary>Every RPC as it is: <c>getAccount</c> returning <c>GetAccountResponse</c>.</summary>
    Mirror,
}
