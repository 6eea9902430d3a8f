using FederatedGateway.Demo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Grpc;

/// <summary>Starts the demo's gRPC services (Grpc.AspNetCore, from protos/), each its own Kestrel app speaking h2c.</summary>
public static class DemoGrpcServices
{
    public static async Task<DemoGrpcHost> StartAsync(DemoGrpcPorts ports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var calls = new DemoGrpcCalls();
        var apps = await DemoApps.StartAllAsync(
            () => StartAsync(ports.MarketData, calls, app => app.MapGrpcService<MarketDataService>(), cancellationToken),
            () => StartAsync(ports.Risk, calls, app => app.MapGrpcService<RiskService>(), cancellationToken)).ConfigureAwait(false);
        return new DemoGrpcHost(
            [new DemoSubgraphEndpoint(DemoGrpcHost.MarketData, UrlOf(apps[0])), new DemoSubgraphEndpoint(DemoGrpcHost.Risk, UrlOf(apps[1]))],
            apps,
            calls);
    }

    private static Task<WebApplication> StartAsync(int port, DemoGrpcCalls calls, Action<WebApplication> map, CancellationToken cancellationToken) =>
        DemoApps.StartOnLoopbackAsync(
            port,
            listen => listen.Protocols = HttpProtocols.Http2,
            services => services.AddSingleton(calls).AddGrpc().Services.AddGrpcReflection(),
            app =>
            {
                map(app);
                app.MapGrpcReflectionService();
            },
            cancellationToken);

    private static Uri UrlOf(WebApplication app) => new("grpc://" + DemoApps.AddressOf(app).Authority);
}
