using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;

namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>Load shedding against the real gateway: one slot, one queue place; the third request is shed with 503 and readiness says overloaded.</summary>
public sealed class LoadSheddingTests
{
    [Fact]
    public async Task Requests_beyond_the_slots_and_the_queue_are_shed_with_503_and_readiness_reports_overload()
    {
        await using var gateway = await CountingGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:LoadShedding:MaxConcurrentRequests"] = "1",
            ["Gateway:LoadShedding:QueueLimit"] = "1",
            ["Gateway:LoadShedding:QueueTimeout"] = "00:00:10",
        });
        using var http = new HttpClient();
        gateway.SubgraphDelay = TimeSpan.FromSeconds(2);

        var running = gateway.PostAsync("{ hello }");
        await WaitUntil(() => gateway.SubgraphRequests == 0 && !running.IsCompleted, TimeSpan.FromMilliseconds(300));
        var queued = gateway.PostAsync("{ hello }");
        await Task.Delay(300);

        using var ready = await http.GetAsync(gateway.BaseAddress + "/health/ready");
        var (status, body, _) = await gateway.PostAsync("{ hello }");

        Assert.Equal(503, (int)ready.StatusCode);
        Assert.Contains("overloaded", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(503, status);
        Assert.Equal("GATEWAY_OVERLOADED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(200, (await running).Status);
        Assert.Equal(200, (await queued).Status);
        using var readyAfter = await http.GetAsync(gateway.BaseAddress + "/health/ready");
        Assert.Equal(200, (int)readyAfter.StatusCode);
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan atLeast)
    {
        await Task.Delay(atLeast);
        Assert.True(condition(), "the first request should still be running");
    }
}
