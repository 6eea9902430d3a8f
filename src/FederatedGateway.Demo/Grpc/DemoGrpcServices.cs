using System.Net;
using FederatedGateway.Demo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Demo.Grpc;

/// <summary>Starts the demo's gRPC services (Grpc.AspNetCore, from protos/), each its own Kestrel app speaking h2c.</summary>
public static class DemoGrpcServices
{
    public static async Task<DemoGrpcHost> StartAsync(DemoGrpcPorts ports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var calls = new DemoGrpcCalls();
        var market = await StartAsync(ports.MarketData, calls, app => app.MapGrpcService<MarketDataService>(), cancellationToken).ConfigureAwait(false);
        WebApplication? risk = null;
        try
        {
            risk = await StartAsync(ports.Risk, calls, app => app.MapGrpcService<RiskService>(), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await market.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new DemoGrpcHost(
            [new DemoSubgraphEndpoint(DemoGrpcHost.MarketData, UrlOf(market)), new DemoSubgraphEndpoint(DemoGrpcHost.Risk, UrlOf(risk))],
            [market, risk],
            calls);
    }

    private static async Task<WebApplication> StartAsync(int port, DemoGrpcCalls calls, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(calls);
        builder.Services.AddGrpc();
        builder.Services.AddGrpcReflection();
        var app = builder.Build();
        map(app);
        app.MapGrpcReflectionService();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    private static Uri UrlOf(WebApplication app) => new("grpc://" + DemoApps.AddressOf(app).Authority);
}
