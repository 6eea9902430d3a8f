namespace FederatedGateway.Grpc.Client;

/// <summary>Settings of <see cref="GrpcSubgraphClient"/>; read once when the client is built.</summary>
public sealed class GrpcSubgraphClientOptions
{
    /// <summary>The deadline of one fetch (all its calls and retries).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a read (Query) RPC is retried after UNAVAILABLE, within the deadline (grpc-dotnet's retry policy; 0 turns retries off).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The bound of the first retry's delay, doubled for each further retry (grpc-dotnet picks each delay at random below its bound).</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The largest response message accepted (bytes).</summary>
    public int MaxReceiveMessageSize { get; set; } = 64 * 1024 * 1024;

    /// <summary>How long a pooled HTTP/2 connection is kept idle.</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Adjusts each channel's handler (client certificates, certificate validation for grpcs; the
    /// <see cref="SocketsHttpHandler.ActivityHeadersPropagator"/>, which is null by default: no trace headers and no span of HttpClient's own).
    /// </summary>
    public Action<SocketsHttpHandler>? ConfigureHandler { get; set; }

    /// <summary>TLS per subgraph name (client certificate, private CA) for grpcs:// sources; applied after <see cref="ConfigureHandler"/>.</summary>
    public IReadOnlyDictionary<string, FederatedGateway.Execution.Transport.SubgraphTls> TlsBySubgraph { get; set; } =
        new Dictionary<string, FederatedGateway.Execution.Transport.SubgraphTls>();

    /// <summary>
    /// Subgraph name → its replica URLs (two or more grpc(s):// URLs): its calls are balanced round robin over them by
    /// grpc-dotnet (a static resolver), a replica whose connection fails being skipped until it reconnects.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ReplicasBySubgraph { get; set; } =
        new Dictionary<string, IReadOnlyList<string>>();
}
