using System.Net.Http.Json;
using FederatedGateway.AspNetCore.Usage;
using FederatedGateway.BrowserTests.Infrastructure;
using FederatedGateway.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FederatedGateway.BrowserTests;

/// <summary>
/// Opens the operators' dashboard in headless Chromium against the real demo gateway after a known mix of traffic:
/// the charts are drawn, the operations tables name the operations sent with their clients, the subgraphs are listed
/// with their health (one of them pointed at a closed port) and the fields never selected are shown. Saves <c>artifacts/dashboard.png</c> in the test's output folder.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboard_draws_the_traffic_operations_and_field_usage_it_was_sent()
    {
        var folder = Directory.CreateTempSubdirectory("fgw-dashboard-").FullName;
        try
        {
            await using var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
            await using var gateway = await DemoGateway.StartAsync(subgraphs, "http://127.0.0.1:0", [
                .. DemoGateway.AnalyticsArguments,
                "--Gateway:Usage:SqlitePath=" + Path.Combine(folder, "usage.db"),
                "--Gateway:Usage:FlushInterval=01:00:00",
                "--Gateway:SubgraphUrlOverrides:orders=" + ClosedPortUrl(),
            ]);
            var address = DemoGateway.Address(gateway);
            await SendTrafficAsync(address, gateway);

            var (playwright, browser) = await Chromium.LaunchAsync();
            using var _ = playwright;
            await using var __ = browser;
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();
            var traffic = await PageTraffic.WatchAsync(page, new Uri(address + "/graphql"));
            try
            {
                await page.GotoAsync(address + "/dashboard");
                foreach (var chart in new[] { "chart-traffic", "chart-errors", "chart-latency" })
                {
                    await Expect(page.GetByTestId(chart).Locator("canvas")).ToHaveCountAsync(1);
                    await Expect(page.GetByTestId(chart)).ToHaveAttributeAsync("data-points", "2");
                }

                var top = page.GetByTestId("top-operations");
                await Expect(top.Locator("tr[data-operation=Me] td").Nth(1)).ToHaveTextAsync("5");
                await Expect(top.Locator("tr[data-operation=Me]")).ToContainTextAsync("web 1.0");
                await Expect(top.Locator("tr[data-operation=Instruments] td").Nth(1)).ToHaveTextAsync("3");
                await Expect(top.Locator("tr[data-operation=Instruments]")).ToContainTextAsync("ios");
                await Expect(top.Locator("tr[data-operation=Order] td").Nth(2)).ToHaveTextAsync("2");
                await Expect(page.GetByTestId("slowest-operations").Locator("tr[data-operation]")).ToHaveCountAsync(3);

                // Subgraph health: accounts and portfolio answered every fetch, orders (pointed at a closed port) failed both.
                var health = page.GetByTestId("subgraphs");
                await Expect(health.Locator("tr[data-subgraph=accounts]")).ToContainTextAsync(subgraphs.Subgraphs.Single(s => s.Name == "accounts").Url.ToString());
                await Expect(health.Locator("tr[data-subgraph=accounts]")).ToHaveAttributeAsync("data-status", "ok");
                await Expect(health.Locator("tr[data-subgraph=accounts] td").Nth(3)).ToHaveTextAsync("0.0%");
                await Expect(health.Locator("tr[data-subgraph=orders]")).ToHaveAttributeAsync("data-status", "failing");
                await Expect(health.Locator("tr[data-subgraph=orders] td").Nth(3)).ToHaveTextAsync("100.0%");
                await Expect(health.Locator("tr[data-subgraph=orders] [data-testid=last-failure]")).ToContainTextAsync("SUBREQUEST_HTTP_ERROR");
                await Expect(health.Locator("tr[data-subgraph=portfolio]")).ToHaveAttributeAsync("data-status", "ok");
                await Expect(page.GetByTestId("field-usage").Locator("li[data-coordinate='Query.me']")).ToContainTextAsync("5");
                await Expect(page.GetByTestId("never-used").Locator("li[data-coordinate='Trader.desk']")).ToHaveCountAsync(1);
                await SaveScreenshotAsync(page, "dashboard.png");
            }
            catch
            {
                await SaveScreenshotAsync(page, "dashboard-failure.png");
                throw;
            }

            Assert.Empty(traffic.ExternalRequests);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Two intervals: 5 × Me from web 1.0, then 3 × Instruments from ios and 2 × Order (failing), each interval flushed.</summary>
    private static async Task SendTrafficAsync(string address, WebApplication gateway)
    {
        using var http = new HttpClient();
        var flush = gateway.Services.GetRequiredService<UsageFlushService>();
        for (var i = 0; i < 5; i++)
        {
            await PostAsync(http, address, "query Me { me { name } }", ("apollographql-client-name", "web"), ("apollographql-client-version", "1.0"));
        }

        await flush.FlushAsync(CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(http, address, "query Instruments { instruments { symbol } }", ("graphql-client-name", "ios"));
        }

        for (var i = 0; i < 2; i++)
        {
            using var response = await http.PostAsync(address + "/graphql", JsonContent.Create(new { query = "query Order { order(id: \"o-1001\") { id } }" }));
            Assert.Contains("SUBREQUEST_HTTP_ERROR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await flush.FlushAsync(CancellationToken.None);
    }

    private static async Task PostAsync(HttpClient http, string address, string query, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address + "/graphql") { Content = JsonContent.Create(new { query }) };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode && !body.Contains("\"errors\"", StringComparison.Ordinal), body);
    }

    /// <summary>A loopback URL nothing listens on (the port was free a moment ago).</summary>
    private static string ClosedPortUrl()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/graphql";
    }

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
