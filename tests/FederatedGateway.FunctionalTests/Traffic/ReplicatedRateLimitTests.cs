using FederatedGateway.Testing.Processes;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Server;
using FederatedGateway.Testing.Services;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Traffic;

/// <summary>
/// Issue 17's must-show: three real gateway processes (<c>FederatedGateway.Server</c>, Production) over the real demo
/// subgraphs share one per-client budget of 100 requests a minute through a real redis-server; when Redis is killed
/// mid-test every replica keeps serving under its own local limit and says so in its log.
/// </summary>
public sealed class ReplicatedRateLimitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Limit = 100;
    private const int Replicas = 3;
    private const string Query = """{"query":"{ me { name desk } }"}""";
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    private readonly List<ServerProcess> _gateways = [];
    private readonly List<string> _endpoints = [];
    private RedisServer _redis = null!;
    private DemoSubgraphHost _subgraphs = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var environment = _subgraphs.Subgraphs.ToDictionary(s => $"Gateway__SubgraphUrlOverrides__{s.Name}", s => s.Url.ToString());
        environment["Gateway__RateLimits__Redis"] = _redis.Configuration;
        // A loaded test machine can take longer than the 250 ms default for a first Redis script call.
        environment["Gateway__RateLimits__RedisTimeout"] = "00:00:02";
        environment["Gateway__RateLimits__Policies__0__Name"] = "per-client";
        environment["Gateway__RateLimits__Policies__0__ClientKey__0"] = "client-name";
        environment["Gateway__RateLimits__Policies__0__Limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        environment["Gateway__RateLimits__Policies__0__Window"] = "00:01:00";
        for (var i = 0; i < Replicas; i++)
        {
            _gateways.Add(ServerProcess.Start(["--supergraph", DemoGateway.SupergraphPath, "--urls", "http://127.0.0.1:0"], environment));
        }

        foreach (var gateway in _gateways)
        {
            _endpoints.Add(await gateway.ListeningUrl.WaitAsync(StartupLimit) + "/graphql");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            gateway.Dispose();
        }

        _http.Dispose();
        await _subgraphs.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private string Logs => string.Join("\n---\n", _gateways.Select(g => g.StandardOutput + "\n" + g.StandardError));

    private sealed record Answer(int Status, TimeSpan? RetryAfter, string? Code);

    private async Task<Answer> PostAsync(int replica, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoints[replica]) { Content = new StringContent(Query, Encoding.UTF8, "application/json") };
        request.Headers.Add("apollographql-client-name", client);
        using var response = await _http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var code = body.RootElement.TryGetProperty("errors", out var errors) && errors[0].TryGetProperty("extensions", out var extensions)
            ? extensions.GetProperty("code").GetString()
            : null;
        return new Answer((int)response.StatusCode, response.Headers.RetryAfter?.Delta, code);
    }

    /// <summary><paramref name="count"/> requests of one client, spread round-robin over the replicas, six at a time.</summary>
    private async Task<List<(int Replica, Answer Answer)>> DriveAsync(string client, int count, IReadOnlyList<int> replicas)
    {
        var answers = new List<(int, Answer)>();
        using var gate = new SemaphoreSlim(6);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var replica = replicas[i % replicas.Count];
                var answer = await PostAsync(replica, client);
                lock (answers)
                {
                    answers.Add((replica, answer));
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
        return answers;
    }

    [Fact]
    public async Task Three_replicas_hold_one_budget_of_100_a_minute_and_serve_on_local_limits_when_Redis_dies()
    {
        var all = Enumerable.Range(0, Replicas).ToArray();
        var shared = await DriveAsync("desk-shared", 3 * Limit, all);

        var accepted = shared.Count(a => a.Answer.Status == 200);
        output.WriteLine($"shared budget: {accepted} of {shared.Count} accepted (per replica {string.Join(", ", all.Select(r => shared.Count(a => a.Replica == r && a.Answer.Status == 200)))})");
        Assert.InRange(accepted, 95, 105);
        foreach (var replica in all)
        {
            Assert.Contains(shared, a => a.Replica == replica && a.Answer.Status == 200);
        }

        var refused = shared.Where(a => a.Answer.Status != 200).Select(a => a.Answer).ToList();
        Assert.All(refused, answer =>
        {
            Assert.Equal(429, answer.Status);
            Assert.Equal("RATE_LIMITED", answer.Code);
            Assert.NotNull(answer.RetryAfter);
            Assert.InRange(answer.RetryAfter!.Value.TotalSeconds, 1, 60);
        });

        await _redis.StopAsync();

        // Every replica keeps serving, now each on its own budget of 100: a fresh client gets 100 per replica (not
        // 100 in all, which would mean Redis still decided, and not unlimited), and nothing fails with a 5xx.
        var local = await DriveAsync("desk-after-redis", 3 * (Limit + 20), all);
        output.WriteLine($"Redis down: {local.Count(a => a.Answer.Status == 200)} of {local.Count} accepted (per replica {string.Join(", ", all.Select(r => local.Count(a => a.Replica == r && a.Answer.Status == 200)))})");
        Assert.DoesNotContain(local, a => a.Answer.Status >= 500);
        foreach (var replica in all)
        {
            var mine = local.Where(a => a.Replica == replica).Select(a => a.Answer).ToList();
            Assert.Equal(Limit, mine.Count(a => a.Status == 200));
            Assert.All(mine.Where(a => a.Status != 200), a => Assert.Equal(("RATE_LIMITED", 429), (a.Code, a.Status)));
        }

        foreach (var gateway in _gateways)
        {
            Assert.True(!gateway.HasExited, "a replica exited:\n" + Logs);
            Assert.Contains("decides with its local limit", gateway.StandardOutput + gateway.StandardError, StringComparison.Ordinal);
        }
    }
}
