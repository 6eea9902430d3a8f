using Microsoft.Playwright;

namespace FederatedGateway.BrowserTests.Infrastructure;

/// <summary>
/// Debian's chromium, launched headless by Playwright (Playwright's own browser builds cannot be downloaded here).
/// <c>CHROMIUM_PATH</c> points elsewhere; a missing browser fails the test with the command that installs it.
/// </summary>
internal static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultPath;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = ExecutablePath;
        if (!File.Exists(executable))
        {
            Assert.Fail(
                $"Chromium not found at {executable}: the IDE browser test needs Debian's chromium. "
                + "Install it with `apt-get update && apt-get install -y chromium` (tools/run-tests.sh does), "
                + "or set CHROMIUM_PATH to another Chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
