using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.AspNetCore.Usage;
using FederatedGateway.Execution.Usage;
using FederatedGateway.Storage.Usage;
using FederatedGateway.Testing.Services;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FederatedGateway.AspNetCore.Tests.Usage;

/// <summary>
/// Usage analytics end to end: a real gateway and subgraph, a known mix of traffic from named clients, counted into a
/// real SQLite file and a real PostgreSQL server; the counts read back equal the traffic sent, and what was counted
/// after the last flush is written when the gateway stops.
/// </summary>
public sealed class UsageAnalyticsTests
{
    private const string Hello = "query Hello { hello }";
    private const string Touch = "mutation Touch { touch }";
    private static readonly DateTimeOffset Always = DateTimeOffset.UnixEpoch;

    [Fact]
    public async Task Sqlite_counts_equal_the_traffic_sent()
    {
        var folder = Directory.CreateTempSubdirectory("fgw-usage-").FullName;
        try
        {
            var path = Path.Combine(folder, "usage.db");
            await CountsEqualTheTrafficAsync(new() { ["Gateway:Usage:Store"] = "Sqlite", ["Gateway:Usage:SqlitePath"] = path }, () => UsageStores.Sqlite(path));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task PostgreSql_counts_equal_the_traffic_sent()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await CountsEqualTheTrafficAsync(
            new() { ["Gateway:Usage:Store"] = "PostgreSql", ["Gateway:Usage:PostgreSql"] = postgres.ConnectionString },
            () => UsageStores.PostgreSql(postgres.ConnectionString));
    }

    [Fact]
    public async Task The_gateway_keeps_serving_while_PostgreSql_is_down_and_holds_the_counts()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var gateway = await StartAsync(new() { ["Gateway:Usage:Store"] = "PostgreSql", ["Gateway:Usage:PostgreSql"] = postgres.ConnectionString });
        var flush = gateway.Services.GetRequiredService<UsageFlushService>();
        await SendAsync(gateway, Hello, 2, ("apollographql-client-name", "web"));
        await flush.FlushAsync(CancellationToken.None);

        await postgres.StopAsync();
        await SendAsync(gateway, Hello, 3, ("apollographql-client-name", "web"));
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await flush.FlushAsync(bounded.Token); // logs and keeps the interval, throws nothing
        var (status, body, _) = await gateway.PostAsync(Hello);
        Assert.Equal(200, status);
        Assert.Equal("world", body.GetProperty("data").GetProperty("hello").GetString());
    }

    private static async Task CountsEqualTheTrafficAsync(Dictionary<string, string?> store, Func<IUsageStore> reopen)
    {
        await using (var gateway = await StartAsync(store))
        {
            await SendAsync(gateway, Hello, 5, ("apollographql-client-name", "web"), ("apollographql-client-version", "1.0"));
            await SendAsync(gateway, Hello, 3, ("graphql-client-name", "ios"), ("graphql-client-version", "2.1"));
            await SendAsync(gateway, Touch, 2, ("apollographql-client-name", "web"), ("apollographql-client-version", "1.0"));
            for (var i = 0; i < 2; i++)
            {
                gateway.SubgraphStatuses.Enqueue(500);
                var (_, failed, _) = await gateway.PostAsync(Hello, ("graphql-client-name", "ios"), ("graphql-client-version", "2.1"));
                Assert.True(failed.TryGetProperty("errors", out _));
            }

            await gateway.Services.GetRequiredService<UsageFlushService>().FlushAsync(CancellationToken.None);

            var live = gateway.Services.GetRequiredService<IUsageStore>();
            var operations = await live.OperationsAsync(Always, CancellationToken.None);
            Assert.Equal(3, operations.Count);
            AssertOperation(operations, "Hello", "web", "1.0", requests: 5, errors: 0);
            AssertOperation(operations, "Hello", "ios", "2.1", requests: 5, errors: 2);
            AssertOperation(operations, "Touch", "web", "1.0", requests: 2, errors: 0);
            Assert.All(operations, o => Assert.Equal(OperationUsageProfile.Hash(o.OperationName == "Hello" ? Hello : Touch), o.DocumentHash));
            Assert.All(operations, o => Assert.InRange(o.Latency.Percentile(0.5), 0.1, 30_000));

            var helloClients = await live.ClientsUsingAsync("Query.hello", Always, CancellationToken.None);
            Assert.Equal([("ios", "2.1", 5L), ("web", "1.0", 5L)], helloClients.Select(c => (c.ClientName, c.ClientVersion, c.Requests)).OrderBy(c => c.ClientName));
            var touchClients = await live.ClientsUsingAsync("Mutation.touch", Always, CancellationToken.None);
            Assert.Equal([("web", "1.0", 2L)], touchClients.Select(c => (c.ClientName, c.ClientVersion, c.Requests)));
            Assert.Empty(await live.ClientsUsingAsync("Query.hello", DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None));

            // Counted after the last flush: written when the gateway stops.
            await SendAsync(gateway, Touch, 4, ("apollographql-client-name", "cli"));
        }

        var reopened = reopen();
        await using var disposable = reopened as IAsyncDisposable;
        var counts = await reopened.CoordinateCountsAsync(Always, CancellationToken.None);
        Assert.Equal(new Dictionary<string, long> { ["Query.hello"] = 10, ["Mutation.touch"] = 6 }, counts);
        var cli = await reopened.ClientsUsingAsync("Mutation.touch", Always, CancellationToken.None);
        Assert.Contains(cli, c => c.ClientName == "cli" && c.ClientVersion == "" && c.Requests == 4);
    }

    private static void AssertOperation(IReadOnlyList<OperationUsage> operations, string name, string client, string version, long requests, long errors)
    {
        var usage = Assert.Single(operations, o => o.OperationName == name && o.ClientName == client && o.ClientVersion == version);
        Assert.Equal(requests, usage.Requests);
        Assert.Equal(errors, usage.Errors);
        var histogramTotal = 0L;
        foreach (var count in usage.Latency.Counts)
        {
            histogramTotal += count;
        }

        Assert.Equal(requests, histogramTotal);
    }

    private static Task<CountingGateway> StartAsync(Dictionary<string, string?> store)
    {
        var settings = new Dictionary<string, string?>(store)
        {
            ["Gateway:Usage:Enabled"] = "true",
            // Flushed by the tests (and at stop), never by the timer during a test.
            ["Gateway:Usage:FlushInterval"] = "01:00:00",
        };
        return CountingGateway.StartAsync(settings);
    }

    private static async Task SendAsync(CountingGateway gateway, string query, int times, params (string Name, string Value)[] headers)
    {
        for (var i = 0; i < times; i++)
        {
            var (status, _, _) = await gateway.PostAsync(query, headers);
            Assert.Equal(200, status);
        }
    }
}
