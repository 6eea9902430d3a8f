using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>
/// The Node ledger service (NodeService/server.mjs: @grpc/grpc-js, @grpc/proto-loader, @grpc/reflection) as a
/// child process on 127.0.0.1: its npm packages are installed once per test run (<see cref="NodePackages"/>),
/// the process is started on the given port (0 = any free one, read from the line it prints when ready) and
/// killed on dispose. The gateway side never sees its proto.
/// </summary>
public sealed partial class NodeLedgerServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;

    private NodeLedgerServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary><c>grpc://127.0.0.1:port</c>.</summary>
    public string Url => $"grpc://127.0.0.1:{Port}";

    /// <param name="port">The port to listen on; 0 = any free port.</param>
    /// <param name="reflection">Which reflection versions it serves: both, v1, v1alpha or none.</param>
    /// <param name="dependencies">sent: reflection answers with a file and the files it uses (@grpc/reflection's way); withheld: with the file alone.</param>
    public static async Task<NodeLedgerServer> StartAsync(int port = 0, string reflection = "both", string dependencies = "sent")
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
        foreach (var argument in new[] { "server.mjs", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reflection", reflection, "--dependencies", dependencies })
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
            throw new InvalidOperationException("node is not installed; the Node gRPC fixture needs Node.js 20+.", ex);
        }

        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (Listening().Match(line) is { Success: true } match)
                {
                    return new NodeLedgerServer(process, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Kill(process);
        var error = stderr.IsCompleted ? await stderr : "";
        process.Dispose();
        throw new InvalidOperationException($"The Node gRPC fixture did not start on port {port}: {error}");
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
