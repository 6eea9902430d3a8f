using System.Diagnostics;
using FederatedGateway.Demo;
using FederatedGateway.Testing.Services;

namespace FederatedGateway.Registry.Tests.Following;

/// <summary>
/// Gateways following a registry variant, end to end: the three demo subgraphs published to a real registry (SQLite
/// and PostgreSQL), two gateway processes (the shipped server) in front of the real demo subgraphs under bounded load; a compatible change
/// and a rollback each served by both within 5 s without a failed request; the registry stopped: both keep
/// serving, and a gateway started meanwhile serves its disk copy.
/// </summary>
public sealed class FollowingGatewayTests
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(5);

    [Fact]
    public Task Gateways_follow_publishes_and_rollbacks_and_survive_the_registry_on_Sqlite() => FollowAsync(null);

    [Fact]
    public async Task Gateways_follow_publishes_and_rollbacks_and_survive_the_registry_on_PostgreSql()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await FollowAsync(postgres.ConnectionString);
    }

    private static async Task FollowAsync(string? postgres)
    {
        var folder = Directory.CreateTempSubdirectory("fgw-follow-").FullName;
        try
        {
            await using var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
            var registry = await RegistryHost.StartAsync(postgres);
            var registryStopped = false;
            var address = registry.BaseAddress;
            try
            {
                foreach (var name in new[] { "accounts", "portfolio", "orders" })
                {
                    var (status, _) = await registry.PublishAsync(name, Schema(name), url: subgraphs.GetUrl(name).ToString());
                    Assert.Equal(201, status);
                }

                await using var first = await FollowingGateway.StartAsync(address, Path.Combine(folder, "one"));
                await using var second = await FollowingGateway.StartAsync(address, Path.Combine(folder, "two"));
                Assert.False(await first.DeskDeprecatedAsync());

                await using var load = Load.Start([first, second]);

                // A compatible change (Trader.desk deprecated): both serve it within 5 s.
                var deprecated = Schema("accounts").Replace("desk: String!", "desk: String! @deprecated(reason: \"use team\")", StringComparison.Ordinal);
                Assert.Equal(201, (await registry.PublishAsync("accounts", deprecated, url: subgraphs.AccountsUrl.ToString())).Status);
                await WithinAsync(Propagation, async () => await first.DeskDeprecatedAsync() && await second.DeskDeprecatedAsync());
                Assert.Equal((4, 4), (await first.ServedVersionAsync(), await second.ServedVersionAsync()));

                // Rolled back to version 3: both serve it again within 5 s.
                await registry.RollbackAsync(3);
                await WithinAsync(Propagation, async () => !await first.DeskDeprecatedAsync() && !await second.DeskDeprecatedAsync());
                Assert.Equal((5, 5), (await first.ServedVersionAsync(), await second.ServedVersionAsync()));
                Assert.Equal((5.0, 5.0), (await first.VersionMetricAsync(), await second.VersionMetricAsync()));

                // The registry goes away: both keep serving; a gateway started now serves the disk copy.
                await registry.DisposeAsync();
                registryStopped = true;
                await Task.Delay(500);
                await using var restarted = await FollowingGateway.StartAsync(address, Path.Combine(folder, "one"));
                Assert.False(await restarted.DeskDeprecatedAsync());
                Assert.Equal(0, await restarted.ServedVersionAsync()); // the disk copy: its number is not known
                Assert.Equal("Ada Lovelace", (await restarted.QueryAsync("{ me { name } }")).GetProperty("me").GetProperty("name").GetString());

                var (sent, failures) = await load.StopAsync();
                Assert.True(sent > 20, $"only {sent} requests were sent");
                Assert.Empty(failures);
            }
            finally
            {
                if (!registryStopped)
                {
                    await registry.DisposeAsync();
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Schema(string name) => File.ReadAllText(Path.Combine(Repo(), "schemas", name + ".graphql"));

    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    private static async Task WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < limit, $"not served within {limit.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>Queries both gateways in turn until stopped (at most 100,000 requests), collecting failures.</summary>
    private sealed class Load : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<string> _failures = [];
        private Task<int> _loop = Task.FromResult(0);

        public static Load Start(FollowingGateway[] gateways)
        {
            var load = new Load();
            load._loop = Task.Run(async () =>
            {
                var sent = 0;
                while (!load._stop.IsCancellationRequested && sent < 100_000)
                {
                    try
                    {
                        await gateways[sent % gateways.Length].QueryAsync("{ me { name desk positions { quantity } } }");
                    }
                    catch (Exception ex)
                    {
                        lock (load._failures)
                        {
                            load._failures.Add(ex.Message);
                        }
                    }

                    sent++;
                }

                return sent;
            });
            return load;
        }

        public async Task<(int Sent, List<string> Failures)> StopAsync()
        {
            await _stop.CancelAsync();
            return (await _loop, _failures);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }
    }
}
