using System.Text.RegularExpressions;
using FederatedGateway.BrowserTests.Infrastructure;
using FederatedGateway.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FederatedGateway.BrowserTests;

/// <summary>
/// Opens the gateway's IDE in headless Chromium against the real demo gateway (three subgraphs, ephemeral ports):
/// completion from the gateway's schema, a federated query run from the editor, its answer, and its query plan in
/// the plan panel. Saves a screenshot as <c>artifacts/ide.png</c> in the test's output folder.
/// </summary>
public sealed class IdeBrowserTests(ITestOutputHelper output)
{
    // One line: Monaco auto-indents and auto-closes braces on typed line breaks; the IDE's prettifier lays it out.
    private const string Query = "query TraderPositions { me { name desk positions { quantity instrument { symbol lastPrice } } } }";

    [Fact]
    public async Task Ide_runs_a_federated_query_and_shows_its_plan_without_leaving_the_gateway()
    {
        await using var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        await using var gateway = await DemoGateway.StartAsync(subgraphs, "http://127.0.0.1:0");
        var endpoint = new Uri(DemoGateway.Address(gateway) + "/graphql");

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var traffic = await PageTraffic.WatchAsync(page, endpoint);
        var errorsBeforeRefusal = -1;
        try
        {
            await page.GotoAsync(endpoint.ToString());
            var editor = page.Locator(".graphiql-query-editor .monaco-editor").First;
            await Expect(editor).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show Documentation Explorer" })).ToBeEnabledAsync();

            await CompletionOffersRootFieldsAsync(page, editor);
            await SetQueryAsync(page, editor, Query);
            await page.GetByRole(AriaRole.Button, new() { Name = "Prettify query" }).ClickAsync();
            await page.Locator(".graphiql-execute-button").ClickAsync();

            var response = page.Locator(".graphiql-response");
            await Expect(response).ToContainTextAsync("Ada Lovelace");
            await Expect(response).ToContainTextAsync("Equities");
            await Expect(response).ToContainTextAsync("AAPL");

            await page.GetByRole(AriaRole.Button, new() { Name = "Show Query Plan" }).ClickAsync();
            var panel = page.GetByTestId("query-plan-panel");
            await Expect(panel).ToContainTextAsync("TraderPositions");
            var tree = page.GetByTestId("plan-tree");
            await Expect(tree.Locator(".fgw-plan-fetch[data-service=accounts]")).ToHaveCountAsync(1);
            await Expect(tree.Locator(".fgw-plan-fetch[data-service=portfolio]")).ToHaveCountAsync(1);
            await Expect(tree).ToContainTextAsync("Sequence");
            await Expect(tree).ToContainTextAsync("Flatten");
            await Expect(tree.Locator(".fgw-plan-fetch[data-service=portfolio] .fgw-plan-fields")).ToHaveTextAsync("positions");

            // The run's own timings, one per fetch, and the summary names the slowest.
            var timings = tree.GetByTestId("fetch-timing");
            await Expect(timings).ToHaveCountAsync(2);
            await Expect(timings.Nth(0)).ToContainTextAsync(new Regex(@"^\s*[0-9.]+ (ms|s)\s*$"));
            await Expect(timings.Nth(1)).ToContainTextAsync(new Regex(@"^\s*[0-9.]+ (ms|s)\s*$"));
            await Expect(panel.GetByTestId("plan-timing-summary")).ToContainTextAsync(new Regex(@"Ran in [0-9.]+ (ms|s); slowest fetch: (accounts|portfolio)"));
            await tree.Locator(".fgw-plan-fetch[data-service=portfolio] summary").ClickAsync();
            var portfolio = tree.Locator(".fgw-plan-fetch[data-service=portfolio]");
            await Expect(portfolio).ToContainTextAsync("... on Trader {");
            await Expect(portfolio).ToContainTextAsync("query TraderPositions__portfolio__");
            await SaveScreenshotAsync(page, "ide.png");

            await panel.GetByRole(AriaRole.Tab, new() { Name = "Text" }).ClickAsync();
            var text = page.GetByTestId("plan-text");
            await Expect(text).ToContainTextAsync("QueryPlan {");
            await Expect(text).ToContainTextAsync("Fetch(service: \"accounts\")");
            await Expect(text).ToContainTextAsync("Fetch(service: \"portfolio\")");
            await SaveScreenshotAsync(page, "ide-plan-text.png");

            // An operation the gateway refuses has no plan, and the panel says why rather than blaming the setting. Its
            // answer is a 400, which the browser reports on the console.
            errorsBeforeRefusal = traffic.Errors.Count;
            await SetQueryAsync(page, editor, "query Broken { me { nope } }");
            await page.Locator(".graphiql-execute-button").ClickAsync();
            await Expect(response).ToContainTextAsync("GRAPHQL_VALIDATION_FAILED");
            var missing = panel.GetByTestId("plan-missing");
            await Expect(missing).ToContainTextAsync("The operation did not run, so it has no plan");
            await Expect(missing).Not.ToContainTextAsync("ExposeQueryPlan");
        }
        catch
        {
            await SaveScreenshotAsync(page, "ide-failure.png");
            throw;
        }

        Assert.Empty(traffic.ExternalRequests);
        Assert.All(traffic.WebSockets, url => Assert.True(traffic.IsGateway(url), $"WebSocket to {url} is not the gateway"));
        Assert.Contains(traffic.GatewayRequests, url => url.EndsWith("/graphql/ide/ide.js", StringComparison.Ordinal));
        Assert.Contains(traffic.GatewayRequests, url => url.EndsWith(".worker.js", StringComparison.Ordinal));
        Assert.Empty(traffic.Errors.Take(errorsBeforeRefusal));
        Assert.All(traffic.Errors.Skip(errorsBeforeRefusal), error => Assert.Contains("status of 400", error));
    }

    /// <summary>Ctrl+Space at the root of a query lists the gateway's root fields (the schema came from introspection).</summary>
    private static async Task CompletionOffersRootFieldsAsync(IPage page, ILocator editor)
    {
        await SetQueryAsync(page, editor, "{ ");
        await page.Keyboard.PressAsync("Control+Space");
        var suggestions = page.Locator(".graphiql-query-editor .suggest-widget");
        await Expect(suggestions).ToBeVisibleAsync();
        await Expect(suggestions).ToContainTextAsync("traders");
        await Expect(suggestions).ToContainTextAsync("instruments");
        await page.Keyboard.PressAsync("Escape");
    }

    private static async Task SetQueryAsync(IPage page, ILocator editor, string query)
    {
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.InsertTextAsync(query);
    }

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"screenshot: {path}");
        Console.WriteLine($"IDE screenshot: {path}");
    }
}
