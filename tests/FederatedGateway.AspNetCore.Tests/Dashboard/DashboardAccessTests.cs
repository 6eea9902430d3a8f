using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.AspNetCore.Usage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FederatedGateway.AspNetCore.Tests.Dashboard;

/// <summary>Who gets the dashboard's data, and what the data says after known traffic (the page itself is tested in Chromium).</summary>
public sealed class DashboardAccessTests
{
    private const string Key = "dashboard-test-key";

    [Fact]
    public async Task With_authentication_on_the_data_needs_credentials_and_then_reports_the_traffic()
    {
        await using var gateway = await StartAsync(new()
        {
            ["Gateway:Authentication:ApiKeys:Keys:0:Name"] = "ops",
            ["Gateway:Authentication:ApiKeys:Keys:0:Sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
        });
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(200, (await gateway.PostAsync("query Hello { hello }", ("X-Api-Key", Key), ("apollographql-client-name", "web"))).Status);
        }

        await gateway.Services.GetRequiredService<UsageFlushService>().FlushAsync(CancellationToken.None);
        using var http = new HttpClient();
        var report = gateway.BaseAddress + "/dashboard/api/report";

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(report)).StatusCode);
        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, report) { Headers = { { "X-Api-Key", "wrong" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrongKey)).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, report) { Headers = { { "X-Api-Key", Key } } };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var traffic = Assert.Single(body.GetProperty("traffic").EnumerateArray());
        Assert.True(traffic.GetProperty("requestsPerSecond").GetDouble() > 0);
        Assert.Equal(0, traffic.GetProperty("errorRate").GetDouble());
        var top = Assert.Single(body.GetProperty("topOperations").EnumerateArray());
        Assert.Equal(("Hello", 4, "web"), (top.GetProperty("name").GetString(), top.GetProperty("requests").GetInt32(), top.GetProperty("clients")[0].GetString()));
        Assert.Equal(["Mutation.touch"], body.GetProperty("neverUsedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("Query.hello", Assert.Single(body.GetProperty("fields").EnumerateArray()).GetProperty("coordinate").GetString());
    }

    [Fact]
    public async Task Off_by_default_outside_Development_and_refused_without_usage_analytics()
    {
        await using var gateway = await StartAsync(new() { ["Gateway:Dashboard:Enabled"] = null });
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(gateway.BaseAddress + "/dashboard/api/report")).StatusCode);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => CountingGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Dashboard:Enabled"] = "true" }));
        Assert.Contains("Gateway:Dashboard needs Gateway:Usage:Enabled", refused.ToString());
    }

    private static Task<CountingGateway> StartAsync(Dictionary<string, string?> extra) => CountingGateway.StartAsync(gateway =>
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Usage:Enabled"] = "true",
            // In the gateway's temporary folder, deleted with it.
            ["Gateway:Usage:SqlitePath"] = Path.Combine(gateway.Directory, "usage.db"),
            ["Gateway:Usage:FlushInterval"] = "01:00:00",
            ["Gateway:Dashboard:Enabled"] = "true",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return Task.FromResult(settings);
    });
}
