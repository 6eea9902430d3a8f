using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;

namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>Retries and the circuit breaker against a real subgraph that fails on purpose.</summary>
public sealed class ResilienceTests
{
    private static string? Code(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    [Fact]
    public async Task A_query_is_retried_after_503s_and_answers()
    {
        await using var gateway = await CountingGateway.StartAsync([]);
        gateway.SubgraphStatuses.Enqueue(503);
        gateway.SubgraphStatuses.Enqueue(502);

        var (status, body, _) = await gateway.PostAsync("{ hello }");

        Assert.Equal(200, status);
        Assert.Equal("world", body.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal(3, gateway.SubgraphRequests);
    }

    [Fact]
    public async Task A_mutation_is_never_retried()
    {
        await using var gateway = await CountingGateway.StartAsync([]);
        gateway.SubgraphStatuses.Enqueue(503);

        var (_, body, _) = await gateway.PostAsync("mutation { touch }");

        Assert.NotNull(Code(body));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("touch").ValueKind);
        Assert.Equal(1, gateway.SubgraphRequests); // the 503 was the only request
        Assert.Empty(gateway.SubgraphStatuses);
        Assert.Equal("done", (await gateway.PostAsync("mutation { touch }")).Body.GetProperty("data").GetProperty("touch").GetString());
    }

    [Fact]
    public async Task Failures_in_a_row_open_the_circuit_which_answers_at_once_then_lets_a_probe_through()
    {
        await using var gateway = await CountingGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Resilience:MaxRetries"] = "0",
            ["Gateway:Resilience:BreakAfterFailures"] = "3",
            ["Gateway:Resilience:BreakDuration"] = "00:00:01",
        });
        for (var i = 0; i < 3; i++)
        {
            gateway.SubgraphStatuses.Enqueue(500);
            await gateway.PostAsync("{ hello }");
        }

        var open = await gateway.PostAsync("{ hello }");
        Assert.Equal("SUBGRAPH_UNAVAILABLE", Code(open.Body));
        Assert.Equal(3, gateway.SubgraphRequests); // the open circuit did not reach the subgraph

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var probe = await gateway.PostAsync("{ hello }");
        Assert.Equal("world", probe.Body.GetProperty("data").GetProperty("hello").GetString());
    }
}
