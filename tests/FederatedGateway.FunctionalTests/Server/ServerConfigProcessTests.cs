using FederatedGateway.AspNetCore;
using FederatedGateway.Testing.Processes;
using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.Demo;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Server;

/// <summary>The gateway executable with <c>--config supergraph.yaml</c>: composes at start, or exits 1 with the composition errors.</summary>
public sealed class ServerConfigProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("fgw-server-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteConfig(IReadOnlyDictionary<string, string> routingUrls)
    {
        var yaml = "subgraphs:\n";
        foreach (var (name, url) in routingUrls)
        {
            File.Copy(TestPaths.Schemas(name + ".graphql"), Path.Combine(_directory, name + ".graphql"));
            yaml += $"  {name}:\n    routing_url: {url}\n    schema:\n      file: {name}.graphql\n";
        }

        var config = Path.Combine(_directory, "supergraph.yaml");
        File.WriteAllText(config, yaml);
        return config;
    }

    private void Dump(ServerProcess server) =>
        output.WriteLine($"--- stdout ---\n{server.StandardOutput}\n--- stderr ---\n{server.StandardError}");

    [Fact]
    public async Task Composes_the_config_at_start_and_serves_it()
    {
        await using var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var config = WriteConfig(new[] { "accounts", "portfolio", "orders" }.ToDictionary(n => n, n => subgraphs.GetUrl(n).ToString()));
        using var server = ServerProcess.Start(["--config", config, "--urls", "http://127.0.0.1:0"]);
        try
        {
            var url = await server.ListeningUrl.WaitAsync(Limit);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.PostAsJsonAsync(url + "/graphql", new { query = "{ me { name remainingOrderCapacity } }" });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal("Ada Lovelace", body.GetProperty("data").GetProperty("me").GetProperty("name").GetString());
            Assert.Equal(3, body.GetProperty("data").GetProperty("me").GetProperty("remainingOrderCapacity").GetInt32());
        }
        finally
        {
            Dump(server);
        }
    }

    [Fact]
    public async Task Dotnet_run_resolves_a_relative_config_against_the_callers_folder_also_in_the_relaunched_child()
    {
        WriteConfig(new[] { "accounts", "portfolio", "orders" }.ToDictionary(n => n, _ => "http://127.0.0.1:9/graphql"));
        var project = Path.Combine(TestPaths.Root(), "src", "FederatedGateway.Server");

        // Without the JIT setting the server runs itself again as a child (JitSafeRelaunch), which must keep the folder.
        using var server = ServerProcess.StartWithDotnetRun(
            project, ["--config", "supergraph.yaml", "--urls", "http://127.0.0.1:0"], _directory, new Dictionary<string, string> { [JitSafeRelaunch.Variable] = "" });
        try
        {
            var url = await server.ListeningUrl.WaitAsync(TimeSpan.FromSeconds(90));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.PostAsJsonAsync(url + "/graphql", new { query = "{ __typename }" });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal("Query", body.GetProperty("data").GetProperty("__typename").GetString());
            Assert.Contains("Loaded supergraph supergraph.yaml with 3 subgraphs", server.StandardOutput);
        }
        finally
        {
            Dump(server);
        }
    }

    [Fact]
    public async Task A_config_that_does_not_compose_exits_with_one_and_the_diagnostics()
    {
        var config = WriteConfig(new Dictionary<string, string> { ["accounts"] = "http://127.0.0.1:9/graphql", ["orders"] = "http://127.0.0.1:9/graphql" });
        await File.AppendAllTextAsync(Path.Combine(_directory, "accounts.graphql"), "\ntype Query { orders: [Int] }\n");
        using var server = ServerProcess.Start(["--config", config, "--urls", "http://127.0.0.1:0"]);
        try
        {
            Assert.True(await server.WaitForExitAsync(Limit), "the server kept running with a config that does not compose");
            Assert.Equal(1, server.ExitCode);
            Assert.Contains($"error: Composing \"{config}\" failed with", server.StandardError);
            Assert.Contains("[accounts]", server.StandardError);
            Assert.Contains("INVALID_GRAPHQL", server.StandardError);
        }
        finally
        {
            Dump(server);
        }
    }

    [Fact]
    public async Task A_missing_config_exits_with_one_and_says_which_file()
    {
        var missing = Path.Combine(_directory, "nope.yaml");
        using var server = ServerProcess.Start(["--config", missing, "--urls", "http://127.0.0.1:0"]);
        try
        {
            Assert.True(await server.WaitForExitAsync(Limit), "the server kept running without its config");
            Assert.Equal(1, server.ExitCode);
            Assert.Contains("error: The supergraph config", server.StandardError);
            Assert.Contains("nope.yaml", server.StandardError);
        }
        finally
        {
            Dump(server);
        }
    }
}
