using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using FederatedGateway.Testing.Processes;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary><c>FederatedGateway.Demo --subgraphs-only</c>: the subgraphs answer, and no gateway listens.</summary>
public sealed partial class DemoSubgraphsOnlyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Starts_the_subgraphs_without_the_gateway()
    {
        var gatewayPort = FreePort();
        using var demo = ServerProcess.StartExecutable(
            "FederatedGateway.Demo.dll", ["--subgraphs-only", "--subgraph-ports", "0,0,0", "--urls", $"http://127.0.0.1:{gatewayPort}"]);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!demo.StandardOutput.Contains("No gateway (--subgraphs-only)") && !demo.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var accounts = AccountsUrl().Match(demo.StandardOutput);
            Assert.True(accounts.Success, "the demo printed no accounts subgraph URL");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.PostAsJsonAsync(accounts.Groups[1].Value, new { query = "{ me { name } }" });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Ada Lovelace", body.GetProperty("data").GetProperty("me").GetProperty("name").GetString());

            Assert.DoesNotContain("GraphQL endpoint", demo.StandardOutput);
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{gatewayPort}/health"));
            Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
        }
        finally
        {
            output.WriteLine($"--- stdout ---\n{demo.StandardOutput}\n--- stderr ---\n{demo.StandardError}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"subgraph accounts\s+(http://127\.0\.0\.1:\d+/graphql)")]
    private static partial Regex AccountsUrl();
}
