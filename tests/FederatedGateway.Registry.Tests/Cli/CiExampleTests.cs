using System.Diagnostics;
using FederatedGateway.Cli;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.Registry.Tests.Cli;

/// <summary>The CI examples in docs/ci: the shell script run for real against a registry, the workflow parsed and its commands checked.</summary>
public sealed class CiExampleTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_shell_example_checks_then_publishes_and_stops_at_a_failed_check()
    {
        var folder = Directory.CreateTempSubdirectory("fgw-ci-").FullName;
        try
        {
            await using var registry = await RegistryHost.StartAsync();
            // `fgw` on the PATH: this build's CLI.
            var bin = Directory.CreateDirectory(Path.Combine(folder, "bin")).FullName;
            var fgw = Path.Combine(bin, "fgw");
            File.WriteAllText(fgw, $"#!/bin/sh\nexec dotnet \"{typeof(CliApp).Assembly.Location}\" \"$@\"\n");
            File.SetUnixFileMode(fgw, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var schema = Path.Combine(folder, "schema.graphql");
            File.WriteAllText(schema, Subgraphs.Accounts);
            var (exit, output) = await RunScriptAsync(registry, bin, schema);
            Assert.True(exit == 0, output);
            Assert.Contains("check passed", output);
            Assert.Contains("published: version 1", output);

            File.WriteAllText(schema, Subgraphs.AccountsWithoutDesk);
            (exit, output) = await RunScriptAsync(registry, bin, schema);
            Assert.Equal(1, exit);
            Assert.Contains("breaking  Trader.desk", output);
            Assert.DoesNotContain("published", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_workflow_example_is_valid_yaml_whose_fgw_commands_parse()
    {
        var commands = WorkflowSteps()
            .Select(step => Scalar(step, "run")?.Trim())
            .OfType<string>()
            .Where(run => run.StartsWith("fgw ", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(2, commands.Count);
        foreach (var command in commands)
        {
            // GitHub expressions ("${{ … }}") stand for one word each.
            var words = System.Text.RegularExpressions.Regex.Replace(command, "\"\\$\\{\\{[^}]*\\}\\}\"", "http://value").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var parsed = new CliCommandLine(_ => "").Root.Parse(words[1..]);
            Assert.True(parsed.Errors.Count == 0, $"{command}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
        }
    }

    /// <summary>FederatedGateway.Cli is not on nuget.org: the workflow packs it from a checkout of the gateway and installs that package.</summary>
    [Fact]
    public void The_workflow_installs_fgw_packed_from_a_checkout_of_the_gateway()
    {
        var steps = WorkflowSteps();
        var checkout = Assert.Single(steps, step => step.Children.ContainsKey("with") && Scalar((YamlMappingNode)step["with"], "repository") is not null);
        var folder = Scalar((YamlMappingNode)checkout["with"], "path");
        var install = Assert.Single(steps, step => Scalar(step, "run")?.Contains("dotnet tool install", StringComparison.Ordinal) == true);
        var lines = Scalar(install, "run")!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var pack = System.Text.RegularExpressions.Regex.Match(lines[0], @"^dotnet pack (?<folder>\S+)/tools/FederatedGateway\.Cli -c Release -o (?<packages>\S+)$");
        Assert.True(pack.Success, $"the install step does not begin by packing the CLI from the checkout: {lines[0]}");
        Assert.Equal(folder, pack.Groups["folder"].Value);
        Assert.Equal($"dotnet tool install --global FederatedGateway.Cli --add-source {pack.Groups["packages"].Value}", lines[1]);
        Assert.True(steps.IndexOf(checkout) < steps.IndexOf(install), "the gateway is checked out after the install step");
    }

    private static List<YamlMappingNode> WorkflowSteps()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repo(), "docs", "ci", "github-actions.yml"))));
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        return [.. ((YamlSequenceNode)((YamlMappingNode)jobs["schema"])["steps"]).Children.OfType<YamlMappingNode>()];
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static async Task<(int Exit, string Output)> RunScriptAsync(RegistryHost registry, string bin, string schema)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(Repo(), "docs", "ci", "publish.sh"), "accounts", schema, "http://127.0.0.1:1/accounts" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FGW_REGISTRY"] = registry.BaseAddress;
        start.Environment["FGW_REGISTRY_TOKEN"] = RegistryHost.CiToken;
        start.Environment["GIT_SHA"] = "c1c1c1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
