using System.Text.Json;
using FederatedGateway.Cli;

namespace FederatedGateway.Registry.Tests.Cli;

/// <summary><c>fgw subgraph …</c> and <c>fgw graph …</c> against a real registry: what CI sees on stdout, stderr and in the exit code.</summary>
public sealed class RegistryCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fgw-registry-cli-").FullName;
    private RegistryHost _registry = null!;

    public async Task InitializeAsync() => _registry = await RegistryHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Ci_publishes_checks_and_reads_history_with_exit_codes_it_can_use()
    {
        Assert.Equal(0, (await PublishAsync("accounts", Subgraphs.Accounts)).Exit);
        var (exit, _, stderr) = await PublishAsync("orders", Subgraphs.Orders, "--commit", "f00d", "--message", "orders join");
        Assert.Equal(0, exit);
        Assert.StartsWith("published: version 2 (", stderr);
        Assert.StartsWith("unchanged: version 2", (await PublishAsync("orders", Subgraphs.Orders)).Stderr);

        var refused = await PublishAsync("accounts", Subgraphs.AccountsNotComposing);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("nothing changed", refused.Stderr);
        Assert.Contains("error[", refused.Stderr);

        var breaking = await RunAsync(RegistryHost.CiToken, ["subgraph", "check", .. Target(), "--name", "accounts", "--schema", Write(Subgraphs.AccountsWithoutDesk)]);
        Assert.Equal(1, breaking.Exit);
        Assert.Contains("breaking  Trader.desk", breaking.Stdout);
        Assert.Contains("check failed: breaking changes", breaking.Stderr);
        Assert.Contains($"details: {_registry.BaseAddress}/registry/v1/graphs/trading/variants/prod/checks/", breaking.Stderr);
        Assert.Equal(0, (await RunAsync(RegistryHost.CiToken, ["subgraph", "check", .. Target(), "--name", "accounts", "--schema", Write(Subgraphs.AccountsWithEmail)])).Exit);

        var history = await RunAsync(RegistryHost.GatewayToken, ["graph", "history", .. Target(), "--format", "json"]);
        Assert.Equal(0, history.Exit);
        var versions = JsonDocument.Parse(history.Stdout).RootElement;
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(("f00d", "orders join"), (versions[0].GetProperty("commit").GetString(), versions[0].GetProperty("message").GetString()));

        var output = Path.Combine(_folder, "supergraph.graphql");
        Assert.Equal(0, (await RunAsync(RegistryHost.GatewayToken, ["graph", "fetch", .. Target(), "--version", "1", "--output", output])).Exit);
        Assert.Contains("type Trader", File.ReadAllText(output));
        Assert.DoesNotContain("type Order", File.ReadAllText(output));

        Assert.Equal(2, (await RunAsync(RegistryHost.CiToken, ["graph", "rollback", .. Target(), "--to", "1"])).Exit);
        var rollback = await RunAsync(RegistryHost.AdminToken, ["graph", "rollback", .. Target(), "--to", "1"]);
        Assert.Equal((0, "rolled back: version 3"), (rollback.Exit, rollback.Stderr[..22]));
        var current = await RunAsync(RegistryHost.GatewayToken, ["graph", "fetch", .. Target()]);
        Assert.Equal(File.ReadAllText(output), current.Stdout);
    }

    [Theory]
    [InlineData(null, "no registry token: set FGW_REGISTRY_TOKEN")]
    [InlineData("wrong", "the registry refused (401)")]
    public async Task Missing_or_refused_tokens_exit_two(string? token, string message)
    {
        var (exit, stdout, stderr) = await PublishWithTokenAsync("accounts", Subgraphs.Accounts, token);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public async Task An_unreachable_registry_and_bad_arguments_exit_two_with_the_reason()
    {
        var unreachable = await RunAsync(RegistryHost.CiToken, "graph", "history", "--registry", "http://127.0.0.1:9", "--graph", "trading@prod");
        Assert.Equal(2, unreachable.Exit);
        Assert.Contains("the registry at http://127.0.0.1:9 did not answer", unreachable.Stderr);

        Assert.Equal(2, (await RunAsync(RegistryHost.CiToken, "graph", "history", "--registry", _registry.BaseAddress, "--graph", "bad name")).Exit);
        Assert.Equal(2, (await RunAsync(RegistryHost.CiToken, ["subgraph", "publish", .. Target(), "--name", "accounts", "--schema", "/nonexistent.graphql", "--routing-url", "http://x"])).Exit);
        Assert.Equal(2, (await RunAsync(RegistryHost.CiToken, ["subgraph", "publish", .. Target(), "--name", "accounts", "--schema", Write(Subgraphs.Accounts)])).Exit);
    }

    private string[] Target() => ["--registry", _registry.BaseAddress, "--graph", "trading@prod"];

    private Task<(int Exit, string Stdout, string Stderr)> PublishAsync(string name, string sdl, params string[] extra) =>
        PublishWithTokenAsync(name, sdl, RegistryHost.CiToken, extra);

    private Task<(int Exit, string Stdout, string Stderr)> PublishWithTokenAsync(string name, string sdl, string? token, params string[] extra) =>
        RunAsync(token, ["subgraph", "publish", .. Target(), "--name", name, "--schema", Write(sdl), "--routing-url", $"http://127.0.0.1:1/{name}", .. extra]);

    private string Write(string sdl)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".graphql");
        File.WriteAllText(path, sdl);
        return path;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string? token, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new CliApp(stdout, stderr) { RegistryToken = () => token }.RunAsync(args);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
