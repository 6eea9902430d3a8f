using FederatedGateway.Testing.Processes;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Server;

namespace FederatedGateway.FunctionalTests.Hostile;

/// <summary>
/// The real <c>FederatedGateway.Server</c> process in Production with its default limits, over the demo subgraphs
/// (in this process, on OS-chosen ports), shared by the tests of a class. Reads the server's CPU time and resident
/// memory from <c>/proc/&lt;pid&gt;</c>.
/// </summary>
public sealed class LimitsServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(30);
    private DemoSubgraphHost? _subgraphs;
    private ServerProcess? _server;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public string Endpoint { get; private set; } = "";

    public ServerProcess Server => _server!;

    public async Task InitializeAsync()
    {
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        (_server, Endpoint) = await StartServerAsync();
    }

    /// <summary>Starts a gateway server over the fixture's subgraphs and returns it with its GraphQL endpoint once ready.</summary>
    /// <param name="settings">More environment variables for the server (configuration such as <c>Gateway__Limits__MaxDepth</c>).</param>
    public async Task<(ServerProcess Server, string Endpoint)> StartServerAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = _subgraphs!.Subgraphs.ToDictionary(s => $"Gateway__SubgraphUrlOverrides__{s.Name}", s => s.Url.ToString());
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var server = ServerProcess.Start(["--supergraph", DemoGateway.SupergraphPath, "--urls", "http://127.0.0.1:0"], environment);
        var clock = Stopwatch.StartNew();
        var baseUrl = await server.ListeningUrl.WaitAsync(StartupLimit);
        while (clock.Elapsed < StartupLimit)
        {
            try
            {
                using var ready = await Http.GetAsync(baseUrl + "/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return (server, baseUrl + "/graphql");
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        server.Dispose();
        throw new InvalidOperationException("The server was not ready in time:\n" + server.StandardOutput + "\n" + server.StandardError);
    }

    public async Task DisposeAsync()
    {
        _server?.Dispose();
        Http.Dispose();
        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync();
        }
    }

    /// <summary>POSTs <paramref name="query"/> and returns the status, the raw body, and the time to the last byte.</summary>
    public Task<(int Status, byte[] Body, TimeSpan Elapsed)> PostAsync(string query) => PostAsync(Endpoint, query);

    /// <summary>POSTs <paramref name="query"/> to <paramref name="endpoint"/>.</summary>
    public async Task<(int Status, byte[] Body, TimeSpan Elapsed)> PostAsync(string endpoint, string query)
    {
        var json = JsonSerializer.Serialize(new { query });
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        var clock = Stopwatch.StartNew();
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode, body, clock.Elapsed);
    }

    /// <summary>User plus system CPU time the server process has used (<c>/proc/&lt;pid&gt;/stat</c>, clock ticks of 10 ms).</summary>
    public TimeSpan ServerCpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Server.Id}/stat");

        // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field, stime the 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>The server's resident set size, in bytes (<c>VmRSS</c>).</summary>
    public long ServerResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Server.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("no VmRSS");
    }
}
