using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>Runs the gateway host until shutdown; a bad supergraph ends it with a one-line message and exit code 1.</summary>
public static class GatewayRunner
{
    public static async Task<int> RunGatewayAsync(this WebApplication app)
    {
        try
        {
            // The supergraph is loaded before the host starts: a failure is the one line below, not a host error log.
            foreach (var loader in app.Services.GetServices<IHostedService>().OfType<SupergraphFileLoader>())
            {
                await loader.LoadFirstAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (SupergraphLoadException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
