using FederatedGateway.Cli;
using FederatedGateway.Demo;
using FederatedGateway.Testing.Services;

namespace FederatedGateway.Registry.Tests.Following;

/// <summary>
/// Checks that consult usage analytics: a gateway following the registry counts its traffic into the store the
/// registry reads; removing a field a client used fails <c>fgw subgraph check</c> naming the field and the client,
/// removing one nobody used passes with that said.
/// </summary>
public sealed class UsageCheckTests
{
    [Fact]
    public Task A_breaking_change_fails_only_when_a_recorded_client_used_it_on_Sqlite() => UsageCheckAsync(null);

    [Fact]
    public async Task A_breaking_change_fails_only_when_a_recorded_client_used_it_on_PostgreSql()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await UsageCheckAsync(postgres.ConnectionString);
    }

    /// <param name="postgres">The registry's store and the usage store (one database); SQLite files when null.</param>
    private static async Task UsageCheckAsync(string? postgres)
    {
        var folder = Directory.CreateTempSubdirectory("fgw-usage-check-").FullName;
        try
        {
            var usage = postgres ?? Path.Combine(folder, "usage.db");
            await using var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
            await using var registry = await RegistryHost.StartAsync(postgres, new()
            {
                ["Registry:Usage:Store"] = postgres is null ? "Sqlite" : "PostgreSql",
                [postgres is null ? "Registry:Usage:SqlitePath" : "Registry:Usage:PostgreSql"] = usage,
            });
            foreach (var name in new[] { "accounts", "portfolio", "orders" })
            {
                Assert.Equal(201, (await registry.PublishAsync(name, Schema(name), url: subgraphs.GetUrl(name).ToString())).Status);
            }

            // Traffic through a real gateway; its usage is written when it stops.
            await using (var gateway = await FollowingGateway.StartAsync(registry.BaseAddress, Path.Combine(folder, "cache"), usage))
            {
                for (var i = 0; i < 3; i++)
                {
                    await gateway.QueryAsync("query Desk { me { name desk } }", "web", "1.0");
                }
            }

            var withoutDesk = Write(folder, WithoutField(Schema("accounts"), "desk"));
            var (exit, stdout, stderr) = await CheckAsync(registry, withoutDesk);
            Assert.Equal(1, exit);
            Assert.Contains("breaking  Trader.desk", stdout);
            Assert.Contains("(used by web 1.0: 3 requests in 30 days)", stdout);
            Assert.Contains("check failed: breaking changes used by clients", stderr);

            var withoutEmail = Write(folder, WithoutField(Schema("accounts"), "email"));
            (exit, stdout, stderr) = await CheckAsync(registry, withoutEmail);
            Assert.Equal(0, exit);
            Assert.Contains("breaking  Trader.email", stdout);
            Assert.Contains("(no client used it in 30 days: not blocking)", stdout);
            Assert.Contains("check passed", stderr);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> CheckAsync(RegistryHost registry, string schema)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new CliApp(stdout, stderr) { RegistryToken = () => RegistryHost.CiToken }
            .RunAsync(["subgraph", "check", "--registry", registry.BaseAddress, "--graph", "trading@prod", "--name", "accounts", "--schema", schema]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Write(string folder, string sdl)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".graphql");
        File.WriteAllText(path, sdl);
        return path;
    }

    /// <summary>The SDL without the field's line and the description line above it, if any.</summary>
    private static string WithoutField(string sdl, string field)
    {
        var lines = sdl.Split('\n').ToList();
        var at = lines.FindIndex(l => l.TrimStart().StartsWith(field + ":", StringComparison.Ordinal));
        Assert.True(at > 0, $"no field {field}");
        lines.RemoveAt(at);
        if (lines[at - 1].TrimStart().StartsWith('"'))
        {
            lines.RemoveAt(at - 1);
        }

        return string.Join('\n', lines);
    }

    private static string Schema(string name) => File.ReadAllText(Path.Combine(Repo(), "schemas", name + ".graphql"));

    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
