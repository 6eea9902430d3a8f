using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Testing.Services;

namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>Rate limits shared through a real redis-server by two gateway replicas, and what happens when Redis goes down.</summary>
public sealed class RedisRateLimitTests : IAsyncLifetime
{
    private const int Limit = 6;
    private static readonly (string, string) Desk = ("apollographql-client-name", "desk");

    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    private Task<CountingGateway> ReplicaAsync() => CountingGateway.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway:RateLimits:Redis"] = _redis.Configuration,
        ["Gateway:RateLimits:RedisTimeout"] = "00:00:02",
        ["Gateway:RateLimits:Policies:0:Name"] = "per-client",
        ["Gateway:RateLimits:Policies:0:ClientKey:0"] = "client-name",
        ["Gateway:RateLimits:Policies:0:Limit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gateway:RateLimits:Policies:0:Window"] = "00:01:00",
    });

    [Fact]
    public async Task Two_replicas_share_one_budget_per_client()
    {
        await using var first = await ReplicaAsync();
        await using var second = await ReplicaAsync();

        var served = 0;
        for (var i = 0; i < 2 * Limit; i++)
        {
            var replica = i % 2 == 0 ? first : second;
            if ((await replica.PostAsync("{ hello }", Desk)).Status == 200)
            {
                served++;
            }
        }

        Assert.Equal(Limit, served);
    }

    [Fact]
    public async Task With_Redis_down_each_replica_serves_within_its_local_limit()
    {
        await using var replica = await ReplicaAsync();
        Assert.Equal(200, (await replica.PostAsync("{ hello }", Desk)).Status);
        await _redis.StopAsync();

        var statuses = new List<int>();
        for (var i = 0; i < Limit + 2; i++)
        {
            statuses.Add((await replica.PostAsync("{ hello }", Desk)).Status);
        }

        // Never failing every request, never unlimited: the local limit (which never saw the first request's Redis count) decides.
        Assert.Equal(Limit, statuses.Count(s => s == 200));
        Assert.Equal(2, statuses.Count(s => s == 429));
    }
}
