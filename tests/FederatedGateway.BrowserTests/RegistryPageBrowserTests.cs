using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using FederatedGateway.BrowserTests.Infrastructure;
using FederatedGateway.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FederatedGateway.BrowserTests;

/// <summary>
/// The schema registry's page in headless Chromium against a real registry: the token form, the variant's versions
/// with what each changed, a kept check with its breaking change, and rollback refused for a read token and done
/// for an admin one. Saves <c>artifacts/registry.png</c>.
/// </summary>
public sealed class RegistryPageBrowserTests(ITestOutputHelper output)
{
    private const string Link = """extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])""";
    private const string Accounts = Link + "\ntype Query { me: Trader }\ntype Trader @key(fields: \"id\") { id: ID! name: String desk: String }";
    private const string Orders = Link + "\ntype Query { orders: [Order!]! }\ntype Order @key(fields: \"id\") { id: ID! qty: Int! }";

    [Fact]
    public async Task Registry_page_shows_versions_changes_and_checks_and_rolls_back_with_an_admin_token()
    {
        var folder = Directory.CreateTempSubdirectory("fgw-registry-page-").FullName;
        await using var registry = await StartRegistryAsync(folder);
        var address = registry.Urls.First();
        var api = address + "/registry/v1/graphs/trading/variants/prod";
        using (var ci = Client("admin-secret"))
        {
            (await ci.PostAsJsonAsync(api + "/subgraphs/accounts", new { url = "http://127.0.0.1:1/a", sdl = Accounts, commit = "c0ffee" })).EnsureSuccessStatusCode();
            (await ci.PostAsJsonAsync(api + "/subgraphs/orders", new { url = "http://127.0.0.1:1/o", sdl = Orders })).EnsureSuccessStatusCode();
            (await ci.PostAsJsonAsync(api + "/subgraphs/accounts/check", new { sdl = Accounts.Replace(" desk: String", "", StringComparison.Ordinal) })).EnsureSuccessStatusCode();
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 900 } })).NewPageAsync();
        page.SetDefaultTimeout(30_000);
        try
        {
            await page.GotoAsync(address + "/registry");
            await page.Locator("#token").FillAsync("viewer-secret");
            await page.GetByRole(AriaRole.Button, new() { Name = "Use token" }).ClickAsync();

            await Expect(page.GetByTestId("variants")).ToContainTextAsync("trading@prod  v2");
            await Expect(page.Locator("#token-form")).ToBeHiddenAsync();
            var versions = page.GetByTestId("versions").Locator("tbody tr");
            await Expect(versions).ToHaveCountAsync(2);
            await Expect(versions.First).ToContainTextAsync("publish orders");
            await Expect(page.GetByTestId("changes").Locator("li[data-coordinate='Query.orders']")).ToContainTextAsync("safe");
            await versions.Nth(1).ClickAsync();
            await Expect(page.GetByTestId("changes").Locator("li[data-coordinate='Trader']")).ToContainTextAsync("The type Trader was added.");

            await page.GetByTestId("checks").Locator("tbody tr").First.ClickAsync();
            await Expect(page.GetByTestId("checks")).ToContainTextAsync("failed");
            await Expect(page.GetByTestId("check-changes").Locator("li[data-coordinate='Trader.desk']")).ToContainTextAsync("breaking");

            await page.Locator("button[data-rollback='1']").ClickAsync();
            await Expect(page.GetByTestId("message")).ToContainTextAsync("may not admin trading@prod");
            await Expect(versions).ToHaveCountAsync(2);

            await page.EvaluateAsync("() => sessionStorage.setItem('fgw-registry-token', 'admin-secret')");
            await page.ReloadAsync();
            await page.Locator("button[data-rollback='1']").ClickAsync();
            await Expect(page.GetByTestId("message")).ToContainTextAsync("Rolled back: version 3 is current.");
            await Expect(versions).ToHaveCountAsync(3);
            await Expect(versions.First).ToContainTextAsync("rollback to 1");
            await SaveScreenshotAsync(page, "registry.png");
        }
        catch
        {
            await SaveScreenshotAsync(page, "registry-failure.png");
            throw;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<WebApplication> StartRegistryAsync(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var settings = new Dictionary<string, string?> { ["Registry:SqlitePath"] = Path.Combine(folder, "registry.db") };
        foreach (var (index, name, secret, scope) in new[] { (0, "admin", "admin-secret", "admin"), (1, "viewer", "viewer-secret", "read:*") })
        {
            settings[$"Registry:Tokens:{index}:Name"] = name;
            settings[$"Registry:Tokens:{index}:Sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
            settings[$"Registry:Tokens:{index}:Scopes:0"] = scope;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSchemaRegistry(builder.Configuration);
        var app = builder.Build();
        app.MapSchemaRegistry();
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(string token)
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
