using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Telemetry;

/// <summary>The Prometheus scrape endpoint (<c>Gateway:Telemetry:MetricsPath</c>, optionally on its own port), when metrics are on.</summary>
internal static class MetricsEndpoint
{
    public static void MapIfEnabled(IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.ServiceProvider.GetRequiredService<IOptions<GatewayOptions>>().Value.Telemetry;
        if (!settings.MetricsEnabled || !settings.PrometheusEnabled)
        {
            return;
        }

        var scrape = endpoints.MapPrometheusScrapingEndpoint(settings.MetricsPath).WithDisplayName("Prometheus metrics");
        if (settings.MetricsPort is { } port)
        {
            scrape.RequireHost("*:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
