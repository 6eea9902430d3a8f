using FederatedGateway.Testing.Processes;
using System.Diagnostics;
using System.Net;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Server;

namespace FederatedGateway.FunctionalTests.Hostile.Runtime;

/// <summary>
/// The gateway executable (<see cref="ServerProcess"/>, Production) over the demo supergraph with some subgraph URLs
/// replaced and <c>Gateway:*</c> settings given on the command line; ready once <c>/health/ready</c> answers 200.
/// </summary>
public sealed class GatewayProcess : IDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(30);

    private GatewayProcess(ServerProcess server, string baseUrl)
    {
        Server = server;
        BaseUrl = baseUrl;
    }

    public ServerProcess Server { get; }

    public string BaseUrl { get; }

    public string Endpoint => BaseUrl + "/graphql";

    public Uri EndpointUri => new(Endpoint);

    public long ResidentBytes => ProcessMemory.ResidentBytes(Server.Id);

    /// <summary>What the gateway logged so far (console, one line per entry).</summary>
    public string Logs => Server.StandardOutput;

    /// <param name="subgraphUrls">Subgraph name → URL (all three demo subgraphs must be named).</param>
    /// <param name="settings"><c>Gateway:*</c> settings, keys without the prefix (e.g. <c>RequestTimeout</c>).</param>
    /// <param name="logLevels">Log category → level, e.g. to see Kestrel's own messages.</param>
    public static async Task<GatewayProcess> StartAsync(
        IReadOnlyDictionary<string, string> subgraphUrls, Dictionary<string, string>? settings = null, Dictionary<string, string>? logLevels = null)
    {
        var arguments = new List<string> { "--supergraph", DemoGateway.SupergraphPath, "--urls", "http://127.0.0.1:0", "--Gateway:WatchSupergraph", "false" };
        foreach (var (name, url) in subgraphUrls)
        {
            arguments.AddRange([$"--Gateway:SubgraphUrlOverrides:{name}", url]);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments.AddRange(["--Gateway:" + key, value]);
        }

        foreach (var (category, level) in logLevels ?? new Dictionary<string, string>())
        {
            arguments.AddRange(["--Logging:LogLevel:" + category, level]);
        }

        var server = ServerProcess.Start(arguments);
        try
        {
            var baseUrl = await server.ListeningUrl.WaitAsync(StartupLimit);
            await WaitUntilReadyAsync(server, baseUrl);
            return new GatewayProcess(server, baseUrl);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private static async Task WaitUntilReadyAsync(ServerProcess server, string baseUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartupLimit && !server.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(baseUrl + "/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the gateway was not ready within {StartupLimit.TotalSeconds} s (exited: {server.HasExited})\n{server.StandardOutput}\n{server.StandardError}");
    }

    public void Dispose() => Server.Dispose();
}
