using System.Text.Json;

namespace FederatedGateway.Execution.Requests;

/// <summary>A parsed GraphQL-over-HTTP request envelope.</summary>
public sealed class GatewayRequest
{
    public string? Query { get; init; }

    public string? OperationName { get; init; }

    /// <summary>The <c>variables</c> object (or undefined when absent).</summary>
    public JsonElement Variables { get; init; }

    /// <summary>The <c>extensions</c> object (or undefined when absent).</summary>
    public JsonElement Extensions { get; init; }

    /// <summary>True when the request arrived as HTTP GET: only query operations may run.</summary>
    public bool IsGet { get; init; }

    /// <summary>Client headers the gateway may forward to subgraphs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? ForwardHeaders { get; init; }

    /// <summary>The client's network address (for per-address rate limits); null when unknown.</summary>
    public string? RemoteAddress { get; init; }

    /// <summary>The client application's name as it says (<c>apollographql-client-name</c>); null when not sent.</summary>
    public string? ClientName { get; init; }

    /// <summary>The client application's version as it says (<c>apollographql-client-version</c> or <c>graphql-client-version</c>); null when not sent.</summary>
    public string? ClientVersion { get; init; }

    /// <summary>The client's <c>traceparent</c> header, if any (the request's parent when the host trusts it).</summary>
    public string? TraceParent { get; init; }

    /// <summary>The client's <c>tracestate</c> header, if any.</summary>
    public string? TraceState { get; init; }

    /// <summary>Who the host found behind the request; null when the host authenticates nobody.</summary>
    public ClientIdentity? Identity { get; init; }
}
