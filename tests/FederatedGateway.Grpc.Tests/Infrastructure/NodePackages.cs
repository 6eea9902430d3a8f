using System.Diagnostics;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>
/// The npm packages of the Node gRPC fixture (tests/FederatedGateway.Grpc.Tests/NodeService): installed with
/// <c>npm ci</c> from its package-lock.json once per test run, skipped when node_modules is newer than the lock file
/// (tools/run-tests.sh installs them up front too).
/// </summary>
public static class NodePackages
{
    private static readonly Lazy<Task<string>> s_installed = new(InstallAsync);

    /// <summary>The fixture's folder (NodeService in the source tree).</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "tests", "FederatedGateway.Grpc.Tests", "NodeService");

    /// <summary>The fixture's folder, with its packages installed.</summary>
    public static Task<string> EnsureInstalledAsync() => s_installed.Value;

    private static async Task<string> InstallAsync()
    {
        var folder = Folder;
        var stamp = Path.Combine(folder, "node_modules", ".package-lock.json");
        if (File.Exists(stamp) && File.GetLastWriteTimeUtc(stamp) >= File.GetLastWriteTimeUtc(Path.Combine(folder, "package-lock.json")))
        {
            return folder;
        }

        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {folder} failed ({process.ExitCode}): {await output}{await error}");
        }

        return folder;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FederatedGateway.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (FederatedGateway.sln) is not above " + AppContext.BaseDirectory);
    }
}
