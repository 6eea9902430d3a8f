using System.Diagnostics;
using System.Net;
using System.Net.Http;

namespace FederatedGateway.Execution.Transport;

/// <summary>Settings of <see cref="HttpSubgraphClient"/>; read once when the client is built.</summary>
public sealed class HttpSubgraphClientOptions
{
    /// <summary>How long one subgraph request may take, from sending to the last byte of the body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for a TCP (and TLS) connection to be established.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Open connections per subgraph host at most; further requests queue.</summary>
    public int MaxConnectionsPerServer { get; set; } = 256;

    /// <summary>How long a pooled connection is reused before it is replaced (so DNS changes are seen).</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an idle pooled connection is kept.</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>The largest subgraph response body accepted (bytes). Default 32 MiB.</summary>
    public int MaxResponseBodySize { get; set; } = 32 * 1024 * 1024;

    /// <summary>The HTTP version requested (1.1 by default; 2.0 with <see cref="VersionPolicy"/> exact for h2c).</summary>
    public Version HttpVersion { get; set; } = System.Net.HttpVersion.Version11;

    public HttpVersionPolicy VersionPolicy { get; set; } = HttpVersionPolicy.RequestVersionOrLower;

    /// <summary>Whether the system proxy (HTTP_PROXY and friends) is used. Off: subgraphs are usually reached directly.</summary>
    public bool UseProxy { get; set; }

    /// <summary>
    /// What HttpClient writes into subgraph requests from the current <see cref="System.Diagnostics.Activity"/>
    /// (<c>traceparent</c>, <c>tracestate</c>, <c>baggage</c>), with a span of its own per call. Null by default, which
    /// leaves HttpClient's diagnostics layer out of the handler chain: ASP.NET Core builds the current activity from
    /// the client's own trace headers, so propagating it would forward them to every subgraph, and the layer's span
    /// per call doubled the spans a traced request makes. The gateway's fetch span writes its own <c>traceparent</c>
    /// instead (see <see cref="Telemetry.TraceParent"/>); client headers are forwarded only when listed in
    /// <c>Gateway:ForwardedHeaders</c>.
    /// </summary>
    public DistributedContextPropagator? ActivityHeadersPropagator { get; set; }

    /// <summary>Client certificate and trusted roots for TLS; null uses the system's roots and no client certificate.</summary>
    public SubgraphTls? Tls { get; set; }

    /// <summary>Retries and circuit breakers per subgraph; null sends each fetch once, as it comes.</summary>
    public Resilience.SubgraphResiliencePipelines? Resilience { get; set; }

    /// <summary>
    /// Subgraphs served by several URLs (load balancing, outlier ejection, health checks); null or empty sends every
    /// fetch to its subgraph's single URL. Not owned: the host disposes it.
    /// </summary>
    public Replicas.ReplicaRegistry? Replicas { get; set; }

    /// <summary>Send identical query fetches in flight at the same time once (<see cref="DeduplicatingSubgraphClient"/>). Default off.</summary>
    public bool DeduplicateQueries { get; set; }

    /// <summary>A copy of these options with <paramref name="tls"/>.</summary>
    public HttpSubgraphClientOptions WithTls(SubgraphTls tls)
    {
        var copy = (HttpSubgraphClientOptions)MemberwiseClone();
        copy.Tls = tls;
        return copy;
    }
}
