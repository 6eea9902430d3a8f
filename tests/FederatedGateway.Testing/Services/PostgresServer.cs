using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FederatedGateway.Testing.Services;

/// <summary>
/// A real PostgreSQL server (Debian's <c>postgresql</c> package) made for a test: <c>initdb</c> into a temporary
/// folder, started with <c>pg_ctl</c> on a free loopback port (trust authentication, user <c>postgres</c>), stopped
/// and deleted with it. PostgreSQL refuses to run as root, so as root the server runs as the <c>postgres</c> user.
/// <c>tools/run-tests.sh</c> installs the package.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _binaries;
    private bool _stopped;

    private PostgresServer(string directory, string binaries, int port)
    {
        _directory = directory;
        _binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    /// <summary>An Npgsql connection string for the <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Timeout=15";

    public static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries();
        var directory = Directory.CreateTempSubdirectory("fgw-postgres-").FullName;
        var server = new PostgresServer(directory, binaries, FreePort());
        try
        {
            var data = Path.Combine(directory, "data");
            var sockets = Path.Combine(directory, "sockets");
            Directory.CreateDirectory(sockets);
            if (IsRoot)
            {
                await RunAsync("chown", ["-R", "postgres:postgres", directory]);
            }

            await server.RunAsPostgresAsync("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
            await server.RunAsPostgresAsync("pg_ctl", [
                "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start",
                "-o", $"-p {server.Port.ToString(CultureInfo.InvariantCulture)} -c listen_addresses=127.0.0.1 -k {sockets} -c fsync=off -c full_page_writes=off",
            ]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server at once (as if it crashed or went away); the port stays this server's.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (Directory.Exists(Path.Combine(_directory, "data", "global")))
        {
            await RunAsPostgresAsync("pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"], throwOnFailure: false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder the system cleans up anyway
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunAsPostgresAsync(string tool, string[] arguments, bool throwOnFailure = true)
    {
        var executable = Path.Combine(_binaries, tool);
        return IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], throwOnFailure)
            : RunAsync(executable, arguments, throwOnFailure);
    }

    private static async Task RunAsync(string executable, string[] arguments, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 && throwOnFailure)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    /// <summary>Debian keeps the server's tools in /usr/lib/postgresql/&lt;version&gt;/bin (the newest one is used).</summary>
    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Where(d => File.Exists(Path.Combine(d, "bin", "initdb"))).ToList()
            : [];
        var newest = versions
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .FirstOrDefault();
        return newest is not null
            ? Path.Combine(newest, "bin")
            : throw new InvalidOperationException("PostgreSQL is not installed: run tools/run-tests.sh (it installs it) or apt-get install postgresql.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
