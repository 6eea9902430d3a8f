using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Execution.Transport.Replicas;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>A subgraph served by several real replicas (<c>Gateway:Replicas</c>) behind the real gateway.</summary>
public sealed class ReplicaTests
{
    internal static async Task<CountingGateway> StartAsync(IReadOnlyList<ReplicaSubgraph> replicas, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? []) { ["Gateway:DeduplicateQueries"] = "false" };
        for (var i = 0; i < replicas.Count; i++)
        {
            all[$"Gateway:Replicas:Subgraphs:hello:Urls:{i}"] = replicas[i].Url;
        }

        return await CountingGateway.StartAsync(all);
    }

    internal static ReplicaSet Replicas(CountingGateway gateway) =>
        gateway.Services.GetRequiredService<ReplicaRegistry>().TryGet("hello", out var set) ? set : throw new InvalidOperationException("no replicas");

    internal static string? Code(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    private static async Task AnsweredAsync(CountingGateway gateway, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (status, body, _) = await gateway.PostAsync("{ hello }");
            Assert.Equal(200, status);
            Assert.True(body.GetProperty("data").GetProperty("hello").GetString() == "world", body.GetRawText());
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Fetches_are_spread_over_the_replicas_and_never_reach_the_supergraph_url()
    {
        await using var a = await ReplicaSubgraph.StartAsync();
        await using var b = await ReplicaSubgraph.StartAsync();
        await using var c = await ReplicaSubgraph.StartAsync();
        await using var gateway = await StartAsync([a, b, c]);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AnsweredAsync(gateway, 60)));

        Assert.Equal(360, a.Requests + b.Requests + c.Requests);
        Assert.All(new[] { a, b, c }, replica => Assert.True(replica.Requests >= 36, $"{a.Requests}/{b.Requests}/{c.Requests}"));
        Assert.Equal(0, gateway.SubgraphRequests);
    }

    [Fact]
    public async Task A_slow_replica_gets_little_traffic_without_health_checks()
    {
        await using var fast = await ReplicaSubgraph.StartAsync();
        await using var slow = await ReplicaSubgraph.StartAsync();
        slow.Delay = TimeSpan.FromMilliseconds(400);
        await using var gateway = await StartAsync([fast, slow]);

        // One at a time, both replicas always have nothing outstanding: only the latency tells them apart (a
        // balancer by outstanding requests alone would send the slow one about half).
        await AnsweredAsync(gateway, 30);

        Assert.Equal(30, fast.Requests + slow.Requests);
        Assert.True(slow.Requests <= 5, $"the slow replica got {slow.Requests} of 30 fetches");
    }

    [Fact]
    public async Task A_single_url_replaces_the_supergraph_url_without_a_balancer()
    {
        await using var only = await ReplicaSubgraph.StartAsync();
        await using var gateway = await StartAsync([only]);

        await AnsweredAsync(gateway, 3);

        Assert.Equal(3, only.Requests);
        Assert.Equal(0, gateway.SubgraphRequests);
        Assert.False(gateway.Services.GetRequiredService<ReplicaRegistry>().TryGet("hello", out _));
    }

    [Fact]
    public async Task A_replica_answering_503s_is_ejected_its_fetches_retried_on_the_other_and_the_last_one_is_never_ejected()
    {
        await using var healthy = await ReplicaSubgraph.StartAsync();
        await using var failing = await ReplicaSubgraph.StartAsync();
        failing.FailWith = 503;
        await using var gateway = await StartAsync([healthy, failing], new()
        {
            ["Gateway:Replicas:EjectAfterFailures"] = "1",
            ["Gateway:Replicas:EjectionTime"] = "00:00:30",
            ["Gateway:Replicas:MaxEjectionTime"] = "00:01:00",
        });

        await AnsweredAsync(gateway, 40);
        var set = Replicas(gateway);
        Assert.True(set.Replicas[1].IsEjected);
        Assert.Equal(1, failing.Requests);
        Assert.Equal(40, healthy.Requests);

        // Now the other fails too: it is the last one in rotation, so it keeps the traffic (and answers again once it recovers).
        healthy.FailWith = 503;
        for (var i = 0; i < 5; i++)
        {
            var (status, body, _) = await gateway.PostAsync("{ hello }");
            Assert.Equal(200, status);
            Assert.NotNull(Code(body));
        }

        Assert.False(set.Replicas[0].IsEjected);
        healthy.FailWith = 0;
        await AnsweredAsync(gateway, 1);
        Assert.Equal(1, failing.Requests);
    }

    [Fact]
    public async Task A_killed_replica_fails_its_health_checks_and_is_back_in_rotation_once_they_pass()
    {
        await using var steady = await ReplicaSubgraph.StartAsync();
        await using var restarted = await ReplicaSubgraph.StartAsync();
        await using var gateway = await StartAsync([steady, restarted], new()
        {
            ["Gateway:Replicas:EjectionTime"] = "00:00:30",
            ["Gateway:Replicas:MaxEjectionTime"] = "00:01:00",
            ["Gateway:Replicas:HealthCheck:Interval"] = "00:00:00.200",
        });
        var replica = Replicas(gateway).Replicas[1];

        await restarted.DownAsync();
        await WaitForAsync(() => !replica.IsProbeHealthy, TimeSpan.FromSeconds(3), "the health check did not take the killed replica out");
        await AnsweredAsync(gateway, 20);
        using (var http = new HttpClient())
        {
            var ready = await http.GetStringAsync(gateway.BaseAddress + "/health/ready");
            Assert.Equal("""{"status":"ok","replicas":{"hello":{"inRotation":1,"total":2}}}""", ready);
        }

        await restarted.UpAsync();
        await WaitForAsync(() => replica.IsProbeHealthy && !replica.IsEjected, TimeSpan.FromSeconds(3), "the health check did not put the replica back");
        await AnsweredAsync(gateway, 40);
        Assert.True(restarted.Requests >= 5, $"the restored replica got {restarted.Requests} of 40 fetches");
    }

    [Fact]
    public async Task A_health_path_must_answer_2xx_while_the_graphql_probe_takes_a_401_as_alive()
    {
        await using var a = await ReplicaSubgraph.StartAsync();
        await using var b = await ReplicaSubgraph.StartAsync();
        await using (var byPath = await StartAsync([a, b], new()
        {
            ["Gateway:Replicas:HealthCheck:Interval"] = "00:00:00.100",
            ["Gateway:Replicas:HealthCheck:Path"] = "/health",
        }))
        {
            var replica = Replicas(byPath).Replicas[1];
            b.Healthy = false;
            await WaitForAsync(() => !replica.IsProbeHealthy, TimeSpan.FromSeconds(3), "a 503 on the health path did not take the replica out");
            b.Healthy = true;
            await WaitForAsync(() => replica.IsProbeHealthy, TimeSpan.FromSeconds(3), "a 200 on the health path did not put the replica back");
        }

        b.FailWith = 401;
        await using var byQuery = await StartAsync([a, b], new() { ["Gateway:Replicas:HealthCheck:Interval"] = "00:00:00.100" });
        var requests = b.Requests;
        await WaitForAsync(() => b.Requests >= requests + 3, TimeSpan.FromSeconds(3), "the GraphQL probe did not reach the replica");
        Assert.True(Replicas(byQuery).Replicas[1].IsProbeHealthy);
        b.FailWith = 500;
        await WaitForAsync(() => !Replicas(byQuery).Replicas[1].IsProbeHealthy, TimeSpan.FromSeconds(3), "a 500 to the GraphQL probe did not take the replica out");
    }

    [Fact]
    public async Task Every_replica_failing_its_health_checks_answers_SUBGRAPH_UNAVAILABLE_at_once()
    {
        await using var a = await ReplicaSubgraph.StartAsync();
        await using var b = await ReplicaSubgraph.StartAsync();
        await using var gateway = await StartAsync([a, b], new() { ["Gateway:Replicas:HealthCheck:Interval"] = "00:00:00.100" });
        var set = Replicas(gateway);

        await a.DownAsync();
        await b.DownAsync();
        await WaitForAsync(() => set.Replicas.All(r => !r.IsProbeHealthy), TimeSpan.FromSeconds(3), "the health checks did not take both replicas out");
        var (status, body, _) = await gateway.PostAsync("{ hello }");

        Assert.Equal(200, status);
        Assert.Equal("SUBGRAPH_UNAVAILABLE", Code(body));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("hello").ValueKind);

        await b.UpAsync();
        await WaitForAsync(() => set.Replicas[1].IsProbeHealthy, TimeSpan.FromSeconds(3), "the health check did not put the replica back");
        await AnsweredAsync(gateway, 3);
    }

    [Fact]
    public async Task Every_replica_down_without_health_checks_is_a_GraphQL_error_then_the_open_circuit()
    {
        await using var a = await ReplicaSubgraph.StartAsync();
        await using var b = await ReplicaSubgraph.StartAsync();
        await using var gateway = await StartAsync([a, b], new() { ["Gateway:Resilience:BreakAfterFailures"] = "4" });
        await a.DownAsync();
        await b.DownAsync();

        var codes = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            var (status, body, _) = await gateway.PostAsync("{ hello }");
            Assert.Equal(200, status);
            codes.Add(Code(body));
        }

        Assert.All(codes, code => Assert.True(code is "SUBREQUEST_HTTP_ERROR" or "SUBGRAPH_UNAVAILABLE", code));
        Assert.Equal("SUBGRAPH_UNAVAILABLE", codes[^1]);
    }
}
