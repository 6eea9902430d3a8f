using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Hosting;

/// <summary>What every demo host does with its Kestrel apps: read where one listens, stop and dispose them all.</summary>
internal static class DemoApps
{
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
