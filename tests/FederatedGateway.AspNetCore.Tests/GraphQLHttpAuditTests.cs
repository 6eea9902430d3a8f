using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary>
/// Runs the graphql-http audit suite (tests/graphql-http-audit, npm package graphql-http) against the HTTP layer
/// backed by <see cref="GraphQLNetExecutor"/>, a stand-in that behaves like a real GraphQL server. Needs
/// <c>node</c> and <c>npm ci</c> in tests/graphql-http-audit; without them the test says so and does nothing.
/// </summary>
public sealed class GraphQLHttpAuditTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Http_layer_passes_every_graphql_http_audit()
    {
        var auditDirectory = FindAuditDirectory();
        if (auditDirectory is null || !Directory.Exists(Path.Combine(auditDirectory, "node_modules", "graphql-http")))
        {
            output.WriteLine("graphql-http audit not installed (run `npm ci` in tests/graphql-http-audit): nothing checked.");
            return;
        }

        await using var host = await GatewayHostFixture.StartGatewayAsync(new GraphQLNetExecutor());
        var url = new Uri(host.BaseAddress, "/graphql").ToString();

        var (exitCode, stdout, stderr) = await RunNodeAsync(auditDirectory, url);
        output.WriteLine(stderr);
        if (exitCode is null)
        {
            output.WriteLine("node is not installed: nothing checked.");
            return;
        }

        Assert.True(exitCode is 0 or 1, $"audit.mjs failed to run (exit {exitCode}):\n{stderr}");
        using var report = JsonDocument.Parse(stdout);
        var failed = report.RootElement.GetProperty("results").EnumerateArray()
            .Where(result => result.GetProperty("status").GetString() != "ok")
            .Select(result => $"{result.GetProperty("status").GetString()} {result.GetProperty("id").GetString()} {result.GetProperty("name").GetString()}: {result.GetProperty("reason").GetString()}")
            .ToList();

        // The stand-in executor is spec-conformant, so every audit (MUST, SHOULD and MAY) must pass.
        Assert.True(failed.Count == 0, string.Join('\n', failed));
        Assert.Equal(0, exitCode);
        Assert.Empty(host.Logs.AtLeast(LogLevel.Warning));
    }

    private static string? FindAuditDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FederatedGateway.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "graphql-http-audit");
            }
        }

        return null;
    }

    private static async Task<(int? ExitCode, string Stdout, string Stderr)> RunNodeAsync(string workingDirectory, string url)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("audit.mjs");
        start.ArgumentList.Add(url);

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return (null, string.Empty, string.Empty);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The graphql-http audit did not finish within 2 minutes.");
            }

            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
