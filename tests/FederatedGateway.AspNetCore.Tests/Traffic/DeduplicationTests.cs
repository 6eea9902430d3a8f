using FederatedGateway.AspNetCore.Tests.Infrastructure;

namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>In-flight deduplication against the real gateway and a slow counting subgraph.</summary>
public sealed class DeduplicationTests
{
    private static async Task<int[]> ConcurrentAsync(CountingGateway gateway, int count, Func<int, (string Name, string Value)[]>? headers = null, string query = "{ hello }")
    {
        var requests = Enumerable.Range(0, count).Select(i => gateway.PostAsync(query, headers?.Invoke(i) ?? [])).ToArray();
        return (await Task.WhenAll(requests)).Select(r => r.Status).ToArray();
    }

    [Fact]
    public async Task Identical_queries_in_flight_together_reach_the_subgraph_once_and_each_gets_the_answer()
    {
        await using var gateway = await CountingGateway.StartAsync([]);
        gateway.SubgraphDelay = TimeSpan.FromMilliseconds(500);

        var statuses = await ConcurrentAsync(gateway, 10);

        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.InRange(gateway.SubgraphRequests, 1, 2); // one, unless a request arrived after the first answer
    }

    [Fact]
    public async Task Callers_with_different_forwarded_headers_never_share_an_answer()
    {
        await using var gateway = await CountingGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:ForwardedHeaders:0"] = "x-trader-id" });
        gateway.SubgraphDelay = TimeSpan.FromMilliseconds(500);

        await ConcurrentAsync(gateway, 6, i => [("x-trader-id", i % 2 == 0 ? "t1" : "t2")]);

        Assert.Equal(2, gateway.SubgraphRequests);
    }

    [Fact]
    public async Task Mutations_and_a_gateway_with_deduplication_off_send_every_fetch()
    {
        await using var gateway = await CountingGateway.StartAsync([]);
        await using var off = await CountingGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:DeduplicateQueries"] = "false" });
        gateway.SubgraphDelay = off.SubgraphDelay = TimeSpan.FromMilliseconds(500);

        await ConcurrentAsync(gateway, 4, query: "mutation { touch }");
        await ConcurrentAsync(off, 4);

        Assert.Equal(4, gateway.SubgraphRequests);
        Assert.Equal(4, off.SubgraphRequests);
    }
}
