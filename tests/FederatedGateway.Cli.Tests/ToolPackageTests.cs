using System.Diagnostics;
using System.Reflection;
using FederatedGateway.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FederatedGateway.Cli.Tests;

/// <summary>
/// <c>fgw</c> as a .NET tool, installed the way docs/cli.md says: <c>dotnet pack</c>, then <c>dotnet tool install</c> from
/// the folder of the package (here into a temporary <c>--tool-path</c>, with only that folder as a package source).
/// </summary>
public sealed class ToolPackageTests(ITestOutputHelper output) : CliHarness
{
    [Fact]
    public async Task Packs_installs_and_runs_as_fgw()
    {
        var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var packages = Path.Combine(Directory, "packages");
        var tools = Path.Combine(Directory, "tools");
        var nugetConfig = Path.Combine(Directory, "nuget.config");
        await File.WriteAllTextAsync(nugetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
            """);

        await RunAsync("dotnet", "pack", Path.Combine(Repo(), "tools", "FederatedGateway.Cli"), "-c", configuration, "--no-build", "-o", packages);
        await RunAsync("dotnet", "tool", "install", "FederatedGateway.Cli", "--tool-path", tools, "--configfile", nugetConfig);
        var help = await RunAsync(Path.Combine(tools, "fgw"), "--help");

        Assert.Contains("fgw compose --config <supergraph.yaml>", help);
    }

    private async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        output.WriteLine($"$ {program} {string.Join(' ', arguments)}\n{await stdout}{await stderr}");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
