using System.Net;
using FederatedGateway.AspNetCore.Loading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Demo.Hosting;

/// <summary>What every demo host does with its Kestrel apps: start them on loopback, read where one listens, stop and dispose them all.</summary>
internal static class DemoApps
{
    /// <summary>
    /// Starts one app listening on 127.0.0.1:<paramref name="port"/> (0 = any free port), logging warnings and worse:
    /// <paramref name="listen"/> sets the listener's options, <paramref name="services"/> adds services,
    /// <paramref name="configure"/> maps its endpoints.
    /// </summary>
    public static async Task<WebApplication> StartOnLoopbackAsync(
        int port, Action<ListenOptions> listen, Action<IServiceCollection> services, Action<WebApplication> configure, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, listen));
        builder.Logging.SetMinimumLevel(LogLevel.Warning).OmitPortInUseStartupLog();
        services(builder.Services);
        var app = builder.Build();
        configure(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    /// <summary>Starts the apps one after another; when one fails, those already started are disposed.</summary>
    public static async Task<IReadOnlyList<WebApplication>> StartAllAsync(params IEnumerable<Func<Task<WebApplication>>> starts)
    {
        var started = new List<WebApplication>();
        try
        {
            foreach (var start in starts)
            {
                started.Add(await start().ConfigureAwait(false));
            }
        }
        catch
        {
            await StopAndDisposeAsync(started).ConfigureAwait(false);
            throw;
        }

        return started;
    }

    /// <summary>The first address the started app listens on, e.g. <c>http://127.0.0.1:4106</c>.</summary>
    public static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>Stops each app gracefully (five seconds in all), disposing it even when its stop fails.</summary>
    public static async Task StopAndDisposeAsync(IEnumerable<WebApplication> apps)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        foreach (var app in apps)
        {
            try
            {
                await app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
