using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FederatedGateway.Demo;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Server;

/// <summary>The gateway executable as operators run it: starts, serves, stops on SIGTERM, refuses a bad supergraph.</summary>
public sealed class ServerProcessTests(ITestOutputHelper output)
{
    private static string ServerDll => Path.Combine(AppContext.BaseDirectory, "FederatedGateway.Server.dll");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{ServerDll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    [Fact]
    public async Task ServesTheDemoAndExitsCleanlyOnSigterm()
    {
        await using var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var port = FreePort();
        var environment = subgraphs.Subgraphs.ToDictionary(s => $"Gateway__SubgraphUrlOverrides__{s.Name}", s => s.Url.ToString());
        var clock = Stopwatch.StartNew();
        using var server = Start($"--supergraph \"{DemoGateway.SupergraphPath}\" --urls http://127.0.0.1:{port}", environment);
        using var http = new HttpClient();
        try
        {
            var ready = false;
            for (var attempt = 0; attempt < 200 && !ready && !server.HasExited; attempt++)
            {
                try
                {
                    ready = (await http.GetAsync($"http://127.0.0.1:{port}/health")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.True(ready, "the server did not become ready: " + (server.HasExited ? await server.StandardError.ReadToEndAsync() : "still starting"));
            output.WriteLine($"ready after {clock.ElapsedMilliseconds} ms");

            using var response = await http.PostAsJsonAsync($"http://127.0.0.1:{port}/graphql", new { query = "{ me { name } }" });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Ada Lovelace", body.GetProperty("data").GetProperty("me").GetProperty("name").GetString());

            using (var kill = Process.Start("kill", $"-TERM {server.Id}"))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await server.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, server.ExitCode);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task MissingSupergraphExitsWithOneAndAMessage()
    {
        using var server = Start($"--supergraph /nonexistent/supergraph.graphql --urls http://127.0.0.1:{FreePort()}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stderr = server.StandardError.ReadToEndAsync(timeout.Token);
        await server.WaitForExitAsync(timeout.Token);
        Assert.Equal(1, server.ExitCode);
        Assert.Contains("error: Cannot read the supergraph file", await stderr);
    }
}
