namespace FederatedGateway.Execution.Transport;

/// <summary>Stable <c>extensions.code</c> values of transport failures (<see cref="SubgraphResponse.FailureCode"/>).</summary>
public static class SubgraphFailureCodes
{
    /// <summary>The subgraph could not be reached, or answered with an HTTP error and no GraphQL body.</summary>
    public const string HttpError = "SUBREQUEST_HTTP_ERROR";

    /// <summary>The subgraph did not answer within the configured timeout.</summary>
    public const string Timeout = "SUBREQUEST_TIMEOUT";

    /// <summary>The subgraph's response body is larger than the configured limit.</summary>
    public const string ResponseTooLarge = "SUBREQUEST_RESPONSE_TOO_LARGE";

    /// <summary>The subgraph's circuit breaker is open after repeated failures: the fetch is not tried.</summary>
    public const string Unavailable = "SUBGRAPH_UNAVAILABLE";
}
