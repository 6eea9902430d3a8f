using FederatedGateway.Demo.Apis.Fx;
using FederatedGateway.Demo.Apis.Settlement;
using FederatedGateway.Demo.Hosting;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Demo.Apis;

/// <summary>
/// Starts the demo's REST settlement service (its OpenAPI document at <c>/openapi.json</c>) and SOAP FX rates service
/// (at <c>/fx</c>), each its own Kestrel app on 127.0.0.1, every call recorded in <see cref="DemoApiHost.Calls"/>.
/// </summary>
public static class DemoApiServices
{
    public static async Task<DemoApiHost> StartAsync(DemoApiPorts ports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var calls = new DemoApiCalls();
        var apps = await DemoApps.StartAllAsync(
            () => StartAsync(ports.Settlement, app =>
            {
                app.Use(async (context, next) =>
                {
                    calls.Record(DemoApiHost.Settlement, $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
                    await next(context).ConfigureAwait(false);
                });
                SettlementEndpoints.Map(app);
            }, cancellationToken),
            () => StartAsync(ports.Fx, app => FxEndpoint.Map(app, call => calls.Record(DemoApiHost.Fx, call)), cancellationToken)).ConfigureAwait(false);
        return new DemoApiHost(
            [
                new DemoSubgraphEndpoint(DemoApiHost.Settlement, new Uri(DemoApps.AddressOf(apps[0]), "/")),
                new DemoSubgraphEndpoint(DemoApiHost.Fx, new Uri(DemoApps.AddressOf(apps[1]), FxEndpoint.Path)),
            ],
            apps,
            calls);
    }

    private static Task<WebApplication> StartAsync(int port, Action<WebApplication> configure, CancellationToken cancellationToken) =>
        DemoApps.StartOnLoopbackAsync(port, _ => { }, _ => { }, configure, cancellationToken);
}
