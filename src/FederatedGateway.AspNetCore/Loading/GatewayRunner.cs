using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// Runs the gateway host until shutdown. A start-up failure the operator can fix (a missing or invalid supergraph, a
/// config that does not compose, a setting that does not parse or is out of range, a port in use) ends it with exit
/// code 1 and one <c>error:</c> message on stderr, without a stack trace (for a port in use, the host's own log entry
/// is left out by <see cref="PortInUseLoggingBuilderExtensions.OmitPortInUseStartupLog"/>).
/// </summary>
public static class GatewayRunner
{
    /// <summary>Loads the supergraph, then runs the host; 0 after a graceful stop, 1 when the supergraph cannot be loaded.</summary>
    public static async Task<int> RunGatewayAsync(this WebApplication app)
    {
        try
        {
            foreach (var load in app.Services.GetServices<IFirstSupergraphLoad>())
            {
                await load.LoadFirstAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (SupergraphLoadException ex)
        {
            return await FailAsync(ex.Message).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="main"/> (build the host, then <see cref="RunGatewayAsync"/>); a setting that does not bind or
    /// does not validate gives its message and exit code 1, and so does a port in use (<c>port 4000 is in use (give another
    /// with --urls …)</c>).
    /// </summary>
    public static async Task<int> ReportStartupFailuresAsync(Func<Task<int>> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        try
        {
            return await main().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsSettingFailure(ex))
        {
            return await FailAsync(ex.Message).ConfigureAwait(false);
        }
        catch (IOException ex) when (PortInUse.IsPortInUse(ex))
        {
            return await FailAsync(PortInUse.Describe(ex, "--urls http://127.0.0.1:<port>")).ConfigureAwait(false);
        }
    }

    // ConfigurationBinder's message names the key and the value ("Failed to convert configuration value 'abc' at
    // 'Gateway:SubgraphTimeout' to type 'System.TimeSpan'."); any other InvalidOperationException is a bug and keeps its trace.
    private static bool IsSettingFailure(Exception ex) =>
        ex is OptionsValidationException or SupergraphLoadException
        || (ex is InvalidOperationException && ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal));

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync("error: " + message).ConfigureAwait(false);
        return 1;
    }
}
