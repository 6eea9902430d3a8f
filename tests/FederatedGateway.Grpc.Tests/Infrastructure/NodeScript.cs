using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>
/// One of the Node fixtures (a script in NodeService) as a child process on 127.0.0.1: started with
/// <c>--port</c> (0 = any free one, read from the "listening on 127.0.0.1:port" line it prints when ready) once the
/// fixture's npm packages are installed (<see cref="NodePackages"/>), killed on dispose. The scripts also exit when
/// their standard input closes, so a test process that dies takes them with it.
/// </summary>
public sealed partial class NodeScript : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;

    private NodeScript(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<NodeScript> StartAsync(string script, int port, params string[] arguments)
    {
        var folder = await NodePackages.EnsureInstalledAsync();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[script, "--port", port.ToString(CultureInfo.InvariantCulture), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"node is not installed; the Node fixture {script} needs Node.js 20+.", ex);
        }

        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (Listening().Match(line) is { Success: true } match)
                {
                    return new NodeScript(process, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Kill(process);
        var error = stderr.IsCompleted ? await stderr : "";
        process.Dispose();
        throw new InvalidOperationException($"The Node fixture {script} did not start on port {port}: {error}");
    }

    /// <summary>Ends the process (and waits for it), so its port is free again.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    [GeneratedRegex(@"^listening on 127\.0\.0\.1:(\d+)$")]
    private static partial Regex Listening();
}
