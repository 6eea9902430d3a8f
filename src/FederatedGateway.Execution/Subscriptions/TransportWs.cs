namespace FederatedGateway.Execution.Subscriptions;

/// <summary>
/// Names and close codes of the <c>graphql-transport-ws</c> protocol (GraphQL over WebSocket), shared by the
/// gateway's server side and its client side towards subgraphs.
/// </summary>
public static class TransportWs
{
    /// <summary>The WebSocket subprotocol.</summary>
    public const string Subprotocol = "graphql-transport-ws";

    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";

    /// <summary>A message the protocol does not allow (bad JSON, unknown type, missing id or payload).</summary>
    public const int BadRequest = 4400;

    /// <summary><c>subscribe</c> before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The <c>connection_init</c> payload was refused.</summary>
    public const int Forbidden = 4403;

    /// <summary>The client did not ask for the <c>graphql-transport-ws</c> subprotocol.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>No <c>connection_init</c> within the initialisation timeout.</summary>
    public const int InitTimeout = 4408;

    /// <summary>A <c>subscribe</c> reused the id of an operation still running.</summary>
    public const int SubscriberExists = 4409;

    /// <summary>A second <c>connection_init</c>.</summary>
    public const int TooManyInitRequests = 4429;

    /// <summary>The server failed.</summary>
    public const int InternalError = 4500;
}
