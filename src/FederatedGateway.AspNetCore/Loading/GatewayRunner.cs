using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>Runs the gateway host until shutdown; a bad supergraph ends it with a one-line message and exit code 1.</summary>
public static class GatewayRunner
{
    public static async Task<int> RunGatewayAsync(this WebApplication app)
    {
        try
        {
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
