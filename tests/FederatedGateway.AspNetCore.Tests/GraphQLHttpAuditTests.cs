using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Demo;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary>
/// Runs the graphql-http audit suite (tests/graphql-http-audit, npm package graphql-http) against the HTTP layer
/// backed by <see cref="GraphQLNetExecutor"/>, a stand-in that behaves like a real GraphQL server. Needs
/// <c>node</c> and <c>npm ci</c> in tests/graphql-http-audit (tools/run-tests.sh installs it); without them the test fails.
/// The same audit also runs against the real gateway over the demo subgraphs.
/// </summary>
public sealed class GraphQLHttpAuditTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Http_layer_passes_every_graphql_http_audit()
    {
        await using var host = await GatewayHostFixture.StartGatewayAsync(new GraphQLNetExecutor());
        await AuditAsync(new Uri(host.BaseAddress, "/graphql").ToString());
        Assert.Empty(host.Logs.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task Real_gateway_over_the_demo_subgraphs_passes_every_graphql_http_audit()
    {
        await using var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        await using var gateway = await DemoGateway.StartAsync(subgraphs, "http://127.0.0.1:0");
        await AuditAsync(DemoGateway.Address(gateway) + "/graphql");
    }

    private async Task AuditAsync(string url)
    {
        var auditDirectory = FindAuditDirectory();
        Assert.True(
            auditDirectory is not null && Directory.Exists(Path.Combine(auditDirectory, "node_modules", "graphql-http")),
            "graphql-http audit not installed: run `npm ci` in tests/graphql-http-audit (tools/run-tests.sh does).");

        var (exitCode, stdout, stderr) = await RunNodeAsync(auditDirectory!, url);
        output.WriteLine(stderr);
        Assert.True(exitCode is not null, "node is not installed; the graphql-http audit needs it.");
        Assert.True(exitCode is 0 or 1, $"audit.mjs failed to run (exit {exitCode}):\n{stderr}");
        using var report = JsonDocument.Parse(stdout);
        var failed = report.RootElement.GetProperty("results").EnumerateArray()
            .Where(result => result.GetProperty("status").GetString() != "ok")
            .Select(result => $"{result.GetProperty("status").GetString()} {result.GetProperty("id").GetString()} {result.GetProperty("name").GetString()}: {result.GetProperty("reason").GetString()}")
            .ToList();

        // Every audit (MUST, SHOULD and MAY) must pass.
        Assert.True(failed.Count == 0, string.Join('\n', failed));
        Assert.Equal(0, exitCode);
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
