namespace FederatedGateway.Execution.Pipeline;

/// <summary>How the client takes the answer.</summary>
public enum RequestMode
{
    /// <summary>One response (GraphQL over HTTP); subscriptions are refused.</summary>
    Single,

    /// <summary>A stream of responses (WebSocket, Server-Sent Events); queries and mutations give one.</summary>
    Stream,
}
