using System.Diagnostics.CodeAnalysis;
using FederatedGateway.AspNetCore.Ide;
using FederatedGateway.AspNetCore.Internal;
using FederatedGateway.AspNetCore.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.AspNetCore;

/// <summary>Maps the gateway's HTTP endpoints.</summary>
public static class FederatedGatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the GraphQL-over-HTTP endpoint at <paramref name="pattern"/> (GET and POST; other methods get 405), with
    /// WebSocket (<c>graphql-transport-ws</c>) and Server-Sent Events (<c>graphql-sse</c>) clients served at the same path, the
    /// built-in IDE when <c>Gateway:Ide:Enabled</c> (browsers opening the endpoint get its page; files under
    /// <c>&lt;pattern&gt;/ide/</c>; when off, a page saying so unless <c>Gateway:Ide:ExplainWhenOff</c> is false) and the health endpoints <c>GET /health</c> (liveness, always 200) and <c>GET /health/ready</c> (200 once a schema is loaded, else 503).
    /// </summary>
    /// <returns>The convention builder of the GraphQL endpoint only (e.g. for authorization or CORS).</returns>
    public static IEndpointConventionBuilder MapFederatedGateway(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);

        var services = endpoints.ServiceProvider;
        if (services.GetService<FederatedGatewayMarker>() is null)
        {
            throw new InvalidOperationException(
                "MapFederatedGateway needs the gateway services: call services.AddFederatedGateway(configuration) first.");
        }

        var endpoint = services.GetRequiredService<GraphQLHttpEndpoint>();
        var ide = services.GetRequiredService<IdeEndpoint>();
        RequestDelegate handler = ide.IsEnabled ? ide.WithPage(endpoint.HandleAsync)
            : ide.ExplainsWhenOff ? ide.WithOffPage(endpoint.HandleAsync)
            : endpoint.HandleAsync;
        handler = SubscriptionTransports.Wrap(endpoints, handler);
        var builder = endpoints.Map(pattern, handler).WithDisplayName("GraphQL " + pattern);
        if (ide.IsEnabled)
        {
            endpoints.MapGet(IdePage.AssetsPath(pattern) + "/{file}", ide.ServeAssetAsync).WithDisplayName("GraphQL IDE files");
        }

        if (services.GetService<Dashboard.DashboardEndpoint>() is { IsEnabled: true } dashboard)
        {
            endpoints.MapGet(dashboard.Path, dashboard.WritePageAsync).WithDisplayName("Dashboard");
            endpoints.MapGet(dashboard.Path + "/assets/{file}", dashboard.ServeAssetAsync).WithDisplayName("Dashboard files");
            endpoints.MapGet(dashboard.Path + "/api/report", dashboard.WriteReportAsync).WithDisplayName("Dashboard data");
        }

        endpoints.MapGet("/health", HealthEndpoint.LiveAsync).WithDisplayName("Gateway health");
        endpoints.MapGet("/health/ready", HealthEndpoint.ReadyAsync).WithDisplayName("Gateway readiness");
        Telemetry.MetricsEndpoint.MapIfEnabled(endpoints);
        if (services.GetService<Transcoding.TranscodingEndpoint>() is { } transcoding)
        {
            endpoints.MapGet(transcoding.OpenApiPath, transcoding.WriteOpenApiAsync).WithDisplayName("gRPC JSON/HTTP OpenAPI document");

            // Any other path: the routes are the gRPC sources' templates, matched by the endpoint itself (after every literal route).
            endpoints.MapMethods("/{**path}", ["GET", "POST", "PUT", "PATCH", "DELETE"], transcoding.HandleAsync)
                .WithDisplayName("gRPC JSON/HTTP routes")
                .Add(endpoint => ((Microsoft.AspNetCore.Routing.RouteEndpointBuilder)endpoint).Order = int.MaxValue);
        }

        return builder;
    }
}
