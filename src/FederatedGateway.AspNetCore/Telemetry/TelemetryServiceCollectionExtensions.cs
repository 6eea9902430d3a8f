using FederatedGateway.Execution.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FederatedGateway.AspNetCore.Telemetry;

/// <summary>Registers OpenTelemetry for the gateway's activity source and meter as <c>Gateway:Telemetry</c> says.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, TelemetrySettings settings)
    {
        if (!settings.TracingEnabled && !settings.MetricsEnabled)
        {
            return services;
        }

        var otlp = string.IsNullOrEmpty(settings.OtlpEndpoint) ? null : new Uri(settings.OtlpEndpoint);
        var protocol = settings.OtlpProtocol == "HttpProtobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(settings.ServiceName));
        if (settings.TracingEnabled)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(GatewayTelemetry.Name)
                    .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SamplingRatio)));
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(exporter => Configure(exporter, otlp, protocol, "v1/traces"));
                }
            });
        }

        if (settings.MetricsEnabled)
        {
            telemetry.WithMetrics(metrics =>
            {
                // The request path's meter and the gateway's others (FederatedGateway.Traffic, FederatedGateway.Registry…).
                metrics.AddMeter(GatewayTelemetry.Name, GatewayTelemetry.Name + ".*");
                if (settings.PrometheusEnabled)
                {
                    metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeEndpointPath = settings.MetricsPath);
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(exporter => Configure(exporter, otlp, protocol, "v1/metrics"));
                }
            });
        }

        return services;
    }

    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, OtlpExportProtocol protocol, string httpPath)
    {
        exporter.Protocol = protocol;

        // Over HTTP each signal has its own path below the collector's address; gRPC takes the address alone.
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath == "/" ? new Uri(endpoint, httpPath) : endpoint;
    }
}
