using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.AspNetCore.Traffic;
using FederatedGateway.Execution.Traffic;

namespace FederatedGateway.AspNetCore.Tests.Traffic;

/// <summary>In-process rate limits against the real gateway: 429 with Retry-After and RATE_LIMITED, nothing fetched once refused.</summary>
public sealed class RateLimitTests
{
    private static Dictionary<string, string?> Policy(string scope, int limit, string? clientKey = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Policies:0:Name"] = scope.ToLowerInvariant() + "-limit",
            ["Gateway:RateLimits:Policies:0:Scope"] = scope,
            ["Gateway:RateLimits:Policies:0:Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:RateLimits:Policies:0:Window"] = "00:01:00",
        };
        if (clientKey is not null)
        {
            settings["Gateway:RateLimits:Policies:0:ClientKey:0"] = clientKey;
        }

        return settings;
    }

    private static string? Code(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    [Fact]
    public async Task A_global_limit_refuses_the_request_over_it_with_429_and_Retry_After()
    {
        await using var gateway = await CountingGateway.StartAsync(Policy("Global", 3));
        using var http = new HttpClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await gateway.PostAsync("{ hello }")).Status);
        }

        using var refused = await http.PostAsync(gateway.Endpoint, new StringContent("""{"query":"{ hello }"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(429, (int)refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("RATE_LIMITED", Code(body));
        Assert.Equal("global-limit", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("limit").GetString());
        Assert.Equal(3, gateway.SubgraphRequests);
    }

    [Fact]
    public async Task A_per_client_limit_counts_each_client_on_its_own()
    {
        await using var gateway = await CountingGateway.StartAsync(Policy("Client", 2, "client-name"));
        (string, string) desk = ("apollographql-client-name", "desk"), risk = ("apollographql-client-name", "risk");

        var desks = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            desks.Add((await gateway.PostAsync("{ hello }", desk)).Status);
        }

        Assert.Equal([200, 200, 429], desks);
        Assert.Equal(200, (await gateway.PostAsync("{ hello }", risk)).Status);
    }

    [Fact]
    public async Task A_per_operation_limit_counts_each_operation_name_on_its_own()
    {
        await using var gateway = await CountingGateway.StartAsync(Policy("Operation", 1));

        // The operation's own name counts, whether or not the request names it.
        Assert.Equal(200, (await gateway.PostAsync("query A { hello }")).Status);
        Assert.Equal("RATE_LIMITED", Code((await gateway.SendAsync(new { query = "query A { hello }", operationName = "A" })).Body));
        Assert.Equal("RATE_LIMITED", Code((await gateway.PostAsync("query A { hello __typename }")).Body));
        Assert.Equal(200, (await gateway.SendAsync(new { query = "query A { hello } query B { hello }", operationName = "B" })).Status);
    }

    [Theory]
    [InlineData("ClientKey", "header:x", "is not claim:<type>, client-name or ip")]
    [InlineData("Limit", "0", "positive Limit and Window")]
    public void Settings_that_cannot_work_are_refused_at_start(string setting, string value, string problem)
    {
        var policy = new RateLimitPolicySettings { Name = "p", Limit = 10 };
        if (setting == "ClientKey")
        {
            policy.ClientKey = [value];
        }
        else
        {
            policy.Limit = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Contains(new RateLimitSettings { Policies = [policy] }.Problems(), p => p.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(RateLimitScope.Client, policy.Scope);
    }
}
