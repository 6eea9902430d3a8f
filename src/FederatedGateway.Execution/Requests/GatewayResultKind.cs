namespace FederatedGateway.Execution.Requests;

/// <summary>How a request ended; the HTTP layer maps this to a status code.</summary>
public enum GatewayResultKind
{
    /// <summary>The operation executed (data present, possibly with field errors).</summary>
    Executed,

    /// <summary>Parse or validation failed, or variables were invalid: no data, errors only.</summary>
    RequestError,

    /// <summary>A mutation (or subscription) was sent with HTTP GET.</summary>
    MethodNotAllowed,

    /// <summary>The client's credentials were refused, or none were sent where they are required (HTTP 401).</summary>
    Unauthenticated,

    /// <summary>A rate limit refused the request (HTTP 429 with <c>Retry-After</c>).</summary>
    RateLimited,

    /// <summary>The gateway is overloaded and sheds the request (HTTP 503 with <c>Retry-After</c>).</summary>
    Overloaded,
}
