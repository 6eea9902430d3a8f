using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.Testing.Processes;
using FederatedGateway.Testing.Telemetry;

namespace FederatedGateway.Registry.Tests.Following;

/// <summary>
/// A gateway process (the shipped server, <c>dotnet FederatedGateway.Server.dll --registry … --graph trading@prod</c>,
/// on 127.0.0.1) following a registry variant, its disk copy in a given folder, its metrics on <c>/metrics</c>.
/// Stopped with SIGTERM, as an orchestrator does, so it flushes what it keeps (usage) before it exits.
/// </summary>
internal sealed class FollowingGateway : IAsyncDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    private readonly ServerProcess _server;
    private readonly string _baseUrl;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private FollowingGateway(ServerProcess server, string baseUrl)
    {
        _server = server;
        _baseUrl = baseUrl;
    }

    public string Endpoint => _baseUrl + "/graphql";

    /// <param name="usageDatabase">
    /// When set, usage analytics is on and counted into this SQLite file, or this PostgreSQL database when it is a
    /// connection string (flushed when the gateway stops).
    /// </param>
    public static async Task<FollowingGateway> StartAsync(string registry, string cacheFolder, string? usageDatabase = null)
    {
        var usageOnPostgres = usageDatabase?.Contains("Host=", StringComparison.OrdinalIgnoreCase) == true;
        var environment = new Dictionary<string, string>
        {
            ["FGW_REGISTRY_TOKEN"] = RegistryHost.GatewayToken,
            ["Gateway__Registry__CacheFolder"] = cacheFolder,
            ["Gateway__Registry__PollWait"] = "00:00:05",
            ["Gateway__Registry__RetryDelay"] = "00:00:00.2",
            ["Gateway__Registry__StartTimeout"] = "00:00:03",
            ["Gateway__Introspection"] = "true",
            ["Gateway__Telemetry__MetricsEnabled"] = "true",
            ["Gateway__Usage__Enabled"] = usageDatabase is null ? "false" : "true",
            ["Gateway__Usage__FlushInterval"] = "01:00:00",
        };
        if (usageDatabase is not null)
        {
            environment[usageOnPostgres ? "Gateway__Usage__PostgreSql" : "Gateway__Usage__SqlitePath"] = usageDatabase;
            environment["Gateway__Usage__Store"] = usageOnPostgres ? "PostgreSql" : "Sqlite";
        }

        var server = ServerProcess.Start(["--registry", registry, "--graph", "trading@prod", "--urls", "http://127.0.0.1:0"], environment);
        try
        {
            var baseUrl = await server.ListeningUrl.WaitAsync(StartupLimit);
            var gateway = new FollowingGateway(server, baseUrl);
            var clock = Stopwatch.StartNew();
            while (!await gateway.IsReadyAsync())
            {
                if (clock.Elapsed > StartupLimit || server.HasExited)
                {
                    throw new InvalidOperationException($"the gateway did not become ready: {server.StandardError}");
                }

                await Task.Delay(100);
            }

            return gateway;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            var output = server.StandardOutput + "\n" + server.StandardError;
            server.Dispose();
            throw new InvalidOperationException("the following gateway did not start: " + ex.Message + "\n" + output, ex);
        }
    }

    /// <summary>The answer's data, or throws with the body when the request failed or carried errors.</summary>
    public async Task<JsonElement> QueryAsync(string query, string? clientName = null, string? clientVersion = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = JsonContent.Create(new { query }) };
        if (clientName is not null)
        {
            request.Headers.Add("apollographql-client-name", clientName);
            request.Headers.Add("apollographql-client-version", clientVersion ?? "");
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        if (!response.IsSuccessStatusCode || json.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }

        return json.GetProperty("data").Clone();
    }

    /// <summary>The registry version <c>/health/ready</c> says this gateway serves.</summary>
    public async Task<int> ServedVersionAsync()
    {
        var body = await _http.GetStringAsync(_baseUrl + "/health/ready");
        return JsonDocument.Parse(body).RootElement.GetProperty("supergraph").GetProperty("version").GetInt32();
    }

    /// <summary>What the gauge <c>fgw_supergraph_version</c> of <c>/metrics</c> reports for trading@prod.</summary>
    public async Task<double?> VersionMetricAsync()
    {
        var samples = PrometheusText.Parse(await _http.GetStringAsync(_baseUrl + "/metrics"));
        return samples.FirstOrDefault(s => s.Name == "fgw_supergraph_version" && s.Labels.GetValueOrDefault("graph") == "trading@prod")?.Value;
    }

    /// <summary>Whether <c>Trader.desk</c> is deprecated in the schema this gateway serves.</summary>
    public async Task<bool> DeskDeprecatedAsync()
    {
        var data = await QueryAsync("{ __type(name: \"Trader\") { fields(includeDeprecated: true) { name isDeprecated } } }");
        return data.GetProperty("__type").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "desk").GetProperty("isDeprecated").GetBoolean();
    }

    private async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await _http.GetAsync(_baseUrl + "/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited)
        {
            _server.Terminate();
            await _server.WaitForExitAsync(TimeSpan.FromSeconds(20));
        }

        _server.Dispose();
        _http.Dispose();
    }
}
