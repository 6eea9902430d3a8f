using System.Net.Http;

namespace FederatedGateway.Execution.Transport;

/// <summary>
/// A transport failure in words a client may read: the kind of failure, never the exception's own text (which names
/// hosts, ports and addresses, e.g. "Connection refused (127.0.0.1:4102)").
/// </summary>
public static class TransportFailure
{
    public static string Describe(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "the subgraph's host name could not be resolved",
        HttpRequestError.ConnectionError => "no connection could be made",
        HttpRequestError.SecureConnectionError => "no secure (TLS) connection could be made",
        HttpRequestError.HttpProtocolError or HttpRequestError.InvalidResponse => "the response broke the HTTP protocol",
        HttpRequestError.ResponseEnded => "the connection closed before the response was complete",
        HttpRequestError.ProxyTunnelError => "the proxy tunnel failed",
        HttpRequestError.VersionNegotiationError => "no HTTP version could be agreed on",
        HttpRequestError.ConfigurationLimitExceeded => "a response header was larger than allowed",
        _ => "a transport error",
    };
}
