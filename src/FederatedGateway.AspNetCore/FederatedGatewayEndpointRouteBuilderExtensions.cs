using System.Diagnostics.CodeAnalysis;
using FederatedGateway.AspNetCore.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.AspNetCore;

/// <summary>Maps the gateway's HTTP endpoints.</summary>
public static class FederatedGatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the GraphQL-over-HTTP endpoint at <paramref name="pattern"/> (GET and POST; other methods get 405) and
    /// the health endpoints <c>GET /health</c> (liveness, always 200) and <c>GET /health/ready</c> (200 once a schema is loaded, else 503).
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
        var builder = endpoints.Map(pattern, endpoint.HandleAsync).WithDisplayName("GraphQL " + pattern);

        endpoints.MapGet("/health", HealthEndpoint.LiveAsync).WithDisplayName("Gateway health");
        endpoints.MapGet("/health/ready", HealthEndpoint.ReadyAsync).WithDisplayName("Gateway readiness");
        return builder;
    }
}
