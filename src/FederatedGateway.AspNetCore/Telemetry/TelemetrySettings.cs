namespace FederatedGateway.AspNetCore.Telemetry;

/// <summary>
/// <c>Gateway:Telemetry</c>: traces and metrics of the gateway's <c>FederatedGateway</c> activity source and meter,
/// exported over OTLP and (metrics) scraped by Prometheus. Everything is off by default: then nothing listens and
/// the request path creates no span and takes no measurement.
/// </summary>
public sealed class TelemetrySettings
{
    public const string ValidationMessage =
        "Gateway:Telemetry: SamplingRatio must be between 0 and 1, OtlpEndpoint an absolute http(s) URL, OtlpProtocol Grpc or HttpProtobuf, MetricsPath start with '/', MetricsPort be 1-65535.";

    /// <summary>Whether the gateway's spans are recorded (and exported when <see cref="OtlpEndpoint"/> is set).</summary>
    public bool TracingEnabled { get; set; }

    /// <summary>Whether the gateway's metrics are collected (scraped at <see cref="MetricsPath"/>, exported when <see cref="OtlpEndpoint"/> is set).</summary>
    public bool MetricsEnabled { get; set; }

    /// <summary>The OTLP collector traces and metrics are sent to (e.g. <c>http://127.0.0.1:4317</c>); none when empty.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (default, port 4317) or <c>HttpProtobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "Grpc";

    /// <summary>The share of new traces recorded (0-1); a trace the client's sampled parent started follows that decision. Default 1.</summary>
    public double SamplingRatio { get; set; } = 1.0;

    /// <summary>
    /// Whether a client's <c>traceparent</c> makes the request part of the client's trace. Off by default: every
    /// request starts a trace of its own, so a client cannot choose trace ids or force sampling.
    /// </summary>
    public bool TrustClientTraceContext { get; set; }

    /// <summary>
    /// Whether the request span carries the operation's text (<c>graphql.document</c>, up to 8 KB). Off by default:
    /// documents can hold literal values (account numbers, names) that should not leave for a trace store, and on a
    /// busy gateway they are most of the exported bytes.
    /// </summary>
    public bool RecordDocument { get; set; }

    /// <summary>Whether metrics are served in Prometheus' text format at <see cref="MetricsPath"/> (when metrics are on). Default on.</summary>
    public bool PrometheusEnabled { get; set; } = true;

    /// <summary>Where Prometheus scrapes the metrics. Default <c>/metrics</c>.</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>
    /// When set, the scrape endpoint answers only on this port (which Kestrel must listen on too, e.g. in <c>Urls</c>),
    /// so it can stay off the public listener.
    /// </summary>
    public int? MetricsPort { get; set; }

    /// <summary>The <c>service.name</c> resource of what is exported. Default <c>federated-gateway</c>.</summary>
    public string ServiceName { get; set; } = "federated-gateway";

    public bool IsValid() =>
        SamplingRatio is >= 0 and <= 1
        && (string.IsNullOrEmpty(OtlpEndpoint) || (Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        && OtlpProtocol is "Grpc" or "HttpProtobuf"
        && MetricsPath.StartsWith('/')
        && MetricsPort is null or (>= 1 and <= 65535);
}
