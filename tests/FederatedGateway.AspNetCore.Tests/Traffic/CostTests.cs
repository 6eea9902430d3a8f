using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;

namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>Demand control against the real gateway: a maximum refuses before any fetch, clients can see the cost, budgets count cost units.</summary>
public sealed class CostTests
{
    private static string? Code(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    [Fact]
    public async Task An_operation_over_the_maximum_is_refused_before_any_fetch()
    {
        await using var gateway = await CountingGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Cost:Max"] = "5" });

        var (status, body, _) = await gateway.PostAsync("mutation { touch }");

        Assert.Equal("COST_ESTIMATED_TOO_EXPENSIVE", Code(body));
        var extensions = body.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(10, extensions.GetProperty("cost").GetDouble());
        Assert.Equal(5, extensions.GetProperty("maxCost").GetDouble());
        Assert.Equal(0, gateway.SubgraphRequests);
        Assert.Equal(200, (await gateway.PostAsync("{ hello }")).Status);
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task A_client_that_asks_gets_the_estimated_and_actual_cost_next_to_the_data()
    {
        await using var gateway = await CountingGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Cost:Max"] = "50" });

        var (_, body, _) = await gateway.SendAsync(new { query = "mutation { touch }", extensions = new { cost = true } });

        Assert.Equal("done", body.GetProperty("data").GetProperty("touch").GetString());
        var cost = body.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(10, cost.GetProperty("estimated").GetDouble());
        Assert.Equal(10, cost.GetProperty("actual").GetDouble());
        Assert.Equal(50, cost.GetProperty("max").GetDouble());
        Assert.False((await gateway.PostAsync("mutation { touch }")).Body.TryGetProperty("extensions", out _));
    }

    [Fact]
    public async Task Measure_mode_reports_without_refusing()
    {
        await using var gateway = await CountingGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Cost:Max"] = "5", ["Gateway:Cost:Mode"] = "Measure" });

        var (_, body, _) = await gateway.SendAsync(new { query = "mutation { touch }", extensions = new { cost = true } });

        Assert.Equal("done", body.GetProperty("data").GetProperty("touch").GetString());
        Assert.Equal(10, body.GetProperty("extensions").GetProperty("cost").GetProperty("estimated").GetDouble());
    }

    [Fact]
    public async Task A_cost_budget_per_client_takes_each_operations_estimate()
    {
        await using var gateway = await CountingGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Policies:0:Name"] = "cost-budget",
            ["Gateway:RateLimits:Policies:0:Units"] = "Cost",
            ["Gateway:RateLimits:Policies:0:ClientKey:0"] = "client-name",
            ["Gateway:RateLimits:Policies:0:Limit"] = "25",
            ["Gateway:RateLimits:Policies:0:Window"] = "00:01:00",
        });
        (string, string) desk = ("apollographql-client-name", "desk");

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await gateway.PostAsync("mutation { touch }", desk)).Status);
        }

        // 10 + 10 fit in 25 units, the third 10 does not; a query that costs nothing still takes one unit.
        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal(200, (await gateway.PostAsync("{ hello }", ("apollographql-client-name", "other"))).Status);
    }
}
