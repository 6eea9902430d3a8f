using FederatedGateway.Execution.Transport;

namespace FederatedGateway.AspNetCore;

/// <summary>
/// Gateway settings, bound from the configuration section <c>Gateway</c> (see <see cref="SectionName"/>).
/// A top-level <c>supergraph</c> key (the command line's <c>--supergraph &lt;file&gt;</c>) overrides
/// <see cref="SupergraphPath"/>; <c>Gateway:Supergraph</c> is accepted as an alias of <c>Gateway:SupergraphPath</c>.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Gateway";

    /// <summary>The top-level configuration key that overrides <see cref="SupergraphPath"/> (<c>--supergraph</c>).</summary>
    public const string SupergraphKey = "supergraph";

    /// <summary>Path of the supergraph SDL file (Apollo join-spec format).</summary>
    public string? SupergraphPath { get; set; }

    /// <summary>
    /// A <c>supergraph.yaml</c> whose gRPC, OpenAPI and SOAP entries tell a gateway that does not compose it (one
    /// started on <see cref="SupergraphPath"/> or following a registry) how to serve those subgraphs; read once at start.
    /// </summary>
    public string? SourcesConfig { get; set; }

    /// <summary>
    /// Let clients ask for the query plan of their request (<c>"extensions": {"queryPlan": true}</c>).
    /// Null (the default) means: on in the Development environment only.
    /// </summary>
    public bool? ExposeQueryPlan { get; set; }

    /// <summary>
    /// Answer introspection (<c>__schema</c>, <c>__type</c>); when off, an operation selecting either gets
    /// <c>INTROSPECTION_DISABLED</c> (<c>__typename</c> always works). Null (the default) means: on in the Development
    /// environment and wherever the IDE is enabled (it reads the schema by introspection), off otherwise.
    /// </summary>
    public bool? Introspection { get; set; }

    /// <summary>What clients see of subgraph errors: masked outside Development (see <see cref="SubgraphErrorSettings"/>).</summary>
    public SubgraphErrorSettings SubgraphErrors { get; set; } = new();

    /// <summary>Reload the supergraph when its file changes (swapped atomically; an invalid file is rejected). Default on.</summary>
    public bool WatchSupergraph { get; set; } = true;

    /// <summary>
    /// The folder where the descriptors of gRPC reflection sources are cached (<c>&lt;subgraph&gt;.pb</c>), read when a
    /// source cannot be reached at start. Default: <c>.fgw-cache/grpc</c> next to the <c>--config</c> file, else
    /// <c>fgw-cache/grpc</c> in the temporary folder; <c>off</c> keeps no cache.
    /// </summary>
    public string? GrpcDescriptorCache { get; set; }

    /// <summary>Time allowed for one subgraph request. Default 30 s.</summary>
    public TimeSpan SubgraphTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed for a whole request, over all its fetches (each still bounded by <see cref="SubgraphTimeout"/>) and its
    /// preparation: what is not fetched by then is null with a <c>REQUEST_TIMEOUT</c> error, the rest of the data is
    /// returned. Each event of a subscription gets this much for its own fetches. Zero (or <c>Infinite</c>) turns it off. Default 30 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest subgraph answer in bytes (HTTP body or gRPC message); a larger one is not read further and its fields are
    /// null with a <c>SUBREQUEST_RESPONSE_TOO_LARGE</c> error. Zero means no limit (up to 2 GB). Default 32 MiB.
    /// </summary>
    public int MaxSubgraphResponseSize { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Time a client has to take its response, or each megabyte of a larger one (HTTP/1.x); a client that does not read
    /// it by then is disconnected and the response's buffers are freed. More than 1 s, or zero (or <c>Infinite</c>) to
    /// leave Kestrel's own minimum data rate in place. Default 30 s.
    /// </summary>
    public TimeSpan ResponseWriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Give memory back to the operating system when the process is idle after a spike (one aggressive garbage
    /// collection; see <c>IdleMemoryReclaimer</c>). Default on.
    /// </summary>
    public bool ReclaimMemoryWhenIdle { get; set; } = true;

    /// <summary>Largest accepted GraphQL request body in bytes; larger bodies get 413. Default 2 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 2 * 1024 * 1024;

    /// <summary>Subgraph name → URL, replacing the supergraph's <c>@join__graph(url:)</c>. Names match case-insensitively.</summary>
    public Dictionary<string, string> SubgraphUrlOverrides { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Maximum simultaneous connections to one subgraph host. Default unlimited.</summary>
    public int MaxConnectionsPerServer { get; set; } = int.MaxValue;

    /// <summary>How long a pooled subgraph connection is reused before it is replaced. Default 2 min.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Client request headers copied into <c>GatewayRequest.ForwardHeaders</c> (for forwarding to subgraphs),
    /// e.g. <c>["Authorization"]</c>. Default none: no client header reaches a subgraph unless listed here, the trace
    /// headers (<c>traceparent</c>, <c>tracestate</c>, <c>baggage</c>) included; while tracing is on
    /// (<c>Gateway:Telemetry</c>) subgraphs get the gateway's own trace context instead of these.
    /// </summary>
    public List<string> ForwardedHeaders { get; set; } = [];

    /// <summary>Cross-origin access to the GraphQL endpoint (off until origins are listed).</summary>
    public CorsSettings Cors { get; set; } = new();

    /// <summary>Brotli/gzip response compression (on by default).</summary>
    public CompressionSettings Compression { get; set; } = new();

    /// <summary>The built-in IDE served to browsers at the GraphQL endpoint (on in Development by default).</summary>
    public IdeSettings Ide { get; set; } = new();

    /// <summary>Bounds on one GraphQL document and on the prepared-operation cache (<c>Gateway:Limits</c>).</summary>
    public LimitSettings Limits { get; set; } = new();

    /// <summary>Operations over WebSocket (<c>graphql-transport-ws</c>) and Server-Sent Events, subscriptions included.</summary>
    public SubscriptionSettings Subscriptions { get; set; } = new();

    /// <summary>JWT bearer tokens and API keys (<c>Gateway:Authentication</c>).</summary>
    public Authentication.AuthenticationSettings Authentication { get; set; } = new();

    /// <summary>Field authorization of <c>@authenticated</c>, <c>@requiresScopes</c>, <c>@policy</c> (<c>Gateway:Authorization</c>).</summary>
    public Authorization.AuthorizationSettings Authorization { get; set; } = new();

    /// <summary>Header propagation to subgraphs, per subgraph (<c>Gateway:Headers</c>).</summary>
    public Headers.HeaderSettings Headers { get; set; } = new();

    /// <summary>Traces, metrics and the Prometheus scrape endpoint (<c>Gateway:Telemetry</c>); off by default.</summary>
    public Telemetry.TelemetrySettings Telemetry { get; set; } = new();

    /// <summary>TLS towards subgraphs: client certificates, private CAs, plain-text credential check (<c>Gateway:Tls</c>).</summary>
    public Tls.TlsSettings Tls { get; set; } = new();

    /// <summary>Rate limits per client, operation or globally, shared through Redis when configured (<c>Gateway:RateLimits</c>).</summary>
    public Traffic.RateLimitSettings RateLimits { get; set; } = new();

    /// <summary>A bound on operations executing at once, with a short queue; beyond it 503 (<c>Gateway:LoadShedding</c>).</summary>
    public Traffic.LoadSheddingSettings LoadShedding { get; set; } = new();

    /// <summary>Retries (queries only, with a budget) and circuit breakers for subgraph fetches (<c>Gateway:Resilience</c>).</summary>
    public Traffic.ResilienceSettings Resilience { get; set; } = new();

    /// <summary>Several URLs per subgraph with load balancing, outlier ejection and health checks (<c>Gateway:Replicas</c>).</summary>
    public Traffic.ReplicaSettings Replicas { get; set; } = new();

    /// <summary>Demand control: cost estimates, a maximum, <c>extensions.cost</c> (<c>Gateway:Cost</c>).</summary>
    public Traffic.CostSettings Cost { get; set; } = new();

    /// <summary>
    /// Send identical query fetches (same subgraph, document, variables and forwarded headers) that are in flight at
    /// the same time once; the callers share the answer (read once, merged as copies). Default on.
    /// </summary>
    public bool DeduplicateQueries { get; set; } = true;

    /// <summary>Cross-site request forgery prevention (<c>Gateway:Csrf</c>).</summary>
    public CsrfSettings Csrf { get; set; } = new();

    /// <summary>Following a schema registry variant instead of a supergraph file (<c>Gateway:Registry</c>, or <c>--registry</c> and <c>--graph</c>).</summary>
    public Loading.RegistrySourceSettings Registry { get; set; } = new();

    /// <summary>Usage analytics (<c>Gateway:Usage</c>): counts per operation, client and schema coordinate, kept in SQLite or PostgreSQL.</summary>
    public Usage.UsageSettings Usage { get; set; } = new();

    /// <summary>The operators' dashboard (<c>Gateway:Dashboard</c>), drawn from usage analytics.</summary>
    public Dashboard.DashboardSettings Dashboard { get; set; } = new();

    /// <summary>The gRPC sources' RPCs with a <c>google.api.http</c> rule served as JSON/HTTP routes.</summary>
    public Transcoding.TranscodingSettings Transcoding { get; set; } = new();

    /// <summary>Trusted documents and automatic persisted queries (<c>Gateway:PersistedDocuments</c>).</summary>
    public PersistedDocuments.PersistedDocumentSettings PersistedDocuments { get; set; } = new();

    /// <summary>Whether introspection is answered: <see cref="Introspection"/>, or by default in Development and when the IDE is enabled.</summary>
    public bool IsIntrospectionEnabled(bool isDevelopment) => Introspection ?? (isDevelopment || Ide.Enabled == true);

    /// <summary><see cref="MaxSubgraphResponseSize"/> with zero (no limit) as the largest array .NET allocates.</summary>
    public int SubgraphResponseLimit => MaxSubgraphResponseSize > 0 ? MaxSubgraphResponseSize : Array.MaxLength;

    /// <summary>The <see cref="HttpSubgraphClient"/> settings these options imply.</summary>
    public HttpSubgraphClientOptions ToSubgraphClientOptions(Execution.Transport.Replicas.ReplicaRegistry? replicas = null) => new()
    {
        Replicas = replicas,
        Resilience = Resilience.Problems().Any() ? null : new Execution.Transport.Resilience.SubgraphResiliencePipelines(Resilience.For),
        DeduplicateQueries = DeduplicateQueries,
        Timeout = SubgraphTimeout,
        MaxResponseBodySize = SubgraphResponseLimit,
        MaxConnectionsPerServer = MaxConnectionsPerServer,
        PooledConnectionLifetime = PooledConnectionLifetime,
    };
}
