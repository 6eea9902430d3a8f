using FederatedGateway.AspNetCore;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Infrastructure;
using FederatedGateway.Testing.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Server;

/// <summary>
/// <c>FederatedGateway.Server --check-health [url]</c>, the container health check: exit 0 only when the gateway's
/// <c>/health/ready</c> answers 200, against real gateways on loopback ports.
/// </summary>
public sealed class HealthCheckCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_ready_gateway_passes_by_its_url_and_by_the_address_it_is_configured_with()
    {
        using var gateway = ServerProcess.Start(["--supergraph", DemoGateway.SupergraphPath, "--urls", "http://127.0.0.1:0"]);
        try
        {
            var url = await gateway.ListeningUrl.WaitAsync(Limit);
            var port = new Uri(url).Port;
            await WaitForReadyAsync(url);

            // A supergraph argument that does not exist proves the check loads none.
            var byUrl = await CheckAsync(["--check-health", url, "--supergraph", "/does/not/exist.graphql"]);
            Assert.Equal(0, byUrl.ExitCode);
            Assert.Equal($"ready: GET http://127.0.0.1:{port}/health/ready answered 200", byUrl.Output.Trim());

            // No URL: the one the gateway would listen on, a wildcard host asked on loopback; the environment
            // overrides appsettings.json (127.0.0.1:4000) as it does for the gateway.
            var byEnvironment = await CheckAsync(["--check-health"], new() { ["URLS"] = $"http://+:{port}" });
            Assert.Equal(0, byEnvironment.ExitCode);
            var byCommandLine = await CheckAsync(["--check-health", "--urls", $"http://[::]:{port}"]);
            Assert.Equal(0, byCommandLine.ExitCode);
        }
        finally
        {
            output.WriteLine("--- gateway stderr ---\n" + gateway.StandardError);
        }
    }

    [Fact]
    public async Task Nothing_listening_fails_with_the_address_asked()
    {
        var port = LoopbackPorts.Closed();

        var result = await CheckAsync(["--check-health", $"http://127.0.0.1:{port}"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"not ready: GET http://127.0.0.1:{port}/health/ready failed:", result.Error.Trim());
        Assert.DoesNotContain("\n", result.Error.Trim());
    }

    [Fact]
    public async Task A_gateway_without_a_schema_fails_with_its_503()
    {
        // The gateway's endpoints with no executor: a real gateway that is listening but never ready.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddFederatedGateway(builder.Configuration);
        await using var app = builder.Build();
        app.MapFederatedGateway("/graphql");
        await app.StartAsync();
        var url = app.Urls.First();

        var result = await CheckAsync(["--check-health", url]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($$"""not ready: GET {{url}}/health/ready answered 503 {"status":"unavailable"}""", result.Error.Trim());
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21", "not checked: 'ftp://127.0.0.1:21' is not an http:// or https:// URL")]
    [InlineData("--urls=http://127.0.0.1:0", "not checked: the gateway listens on a port chosen at start (http://127.0.0.1:0): give its URL")]
    public async Task An_address_it_cannot_check_is_named_in_one_line(string argument, string message)
    {
        var result = await CheckAsync(["--check-health", argument]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, result.Error.Trim());
        Assert.DoesNotContain("\n", result.Error.Trim());
    }

    private async Task<(int ExitCode, string Output, string Error)> CheckAsync(string[] arguments, Dictionary<string, string>? environment = null)
    {
        using var check = ServerProcess.Start(arguments, environment);
        Assert.True(await check.WaitForExitAsync(Limit), "--check-health did not exit in time");
        output.WriteLine($"$ --check-health … → {check.ExitCode}\n{check.StandardOutput}\n{check.StandardError}");
        return (check.ExitCode, check.StandardOutput, check.StandardError);
    }

    private static async Task WaitForReadyAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var response = await http.GetAsync(url + "/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail("the gateway did not get ready");
    }
}
