using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.Demo;
using Xunit.Abstractions;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary>
/// 50 clients keep querying while the supergraph file is rewritten 20 times between two versions. Every answer
/// must succeed and come whole from one version: the version's Trader description (served by introspection)
/// must agree with whether <c>Trader.desk</c> exists in it and with the data fetched through its plan.
/// </summary>
public sealed class SupergraphReloadUnderLoadTests : IAsyncLifetime
{
    private const int Clients = 50;
    private const int Swaps = 20;
    private const string Query = "{ __type(name: \"Trader\") { description fields { name } } me { name } }";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    private readonly ITestOutputHelper _output;
    private readonly string _directory = Directory.CreateTempSubdirectory("fgw-reload-load-").FullName;
    private DemoSubgraphHost? _subgraphs;
    private Microsoft.AspNetCore.Builder.WebApplication? _gateway;
    private string _versionA = "";
    private string _versionB = "";

    public SupergraphReloadUnderLoadTests(ITestOutputHelper output) => _output = output;

    private string SupergraphFile => Path.Combine(_directory, "supergraph.graphql");

    public async Task InitializeAsync()
    {
        var original = await File.ReadAllTextAsync(DemoGateway.SupergraphPath);
        _versionA = original.Replace("\"A trader with an account at the firm.\"", "\"version A\"", StringComparison.Ordinal);
        _versionB = HideDesk(original.Replace("\"A trader with an account at the firm.\"", "\"version B\"", StringComparison.Ordinal));
        Assert.NotEqual(original, _versionA);
        await File.WriteAllTextAsync(SupergraphFile, _versionA);
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        _gateway = await DemoGateway.StartAsync(_subgraphs, "http://127.0.0.1:0", supergraphPath: SupergraphFile);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Fifty_clients_see_no_failure_and_no_mixed_answer_across_twenty_swaps()
    {
        using var http = new HttpClient { BaseAddress = new Uri(DemoGateway.Address(_gateway!)), Timeout = TimeSpan.FromSeconds(30) };
        using var stop = new CancellationTokenSource(Limit);
        var seen = new int[2];
        var failures = new List<string>();
        var requests = 0;

        async Task Client()
        {
            while (!stop.IsCancellationRequested)
            {
                string body;
                try
                {
                    using var response = await http.PostAsJsonAsync("/graphql", new { query = Query }, stop.Token);
                    body = await response.Content.ReadAsStringAsync(stop.Token);
                    if (!response.IsSuccessStatusCode)
                    {
                        lock (failures) { failures.Add($"HTTP {(int)response.StatusCode}: {body}"); }
                        continue;
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }

                Interlocked.Increment(ref requests);
                var version = Classify(body, out var problem);
                if (version < 0)
                {
                    lock (failures) { failures.Add(problem + ": " + body); }
                }
                else
                {
                    Interlocked.Increment(ref seen[version]);
                }
            }
        }

        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(Client)).ToList();
        var clock = Stopwatch.StartNew();
        var completedSwaps = 0;
        for (var swap = 1; swap <= Swaps && !stop.IsCancellationRequested; swap++)
        {
            var target = swap % 2;
            var before = Volatile.Read(ref seen[target]);
            await File.WriteAllTextAsync(SupergraphFile, target == 0 ? _versionA : _versionB);
            while (Volatile.Read(ref seen[target]) <= before + Clients && !stop.IsCancellationRequested)
            {
                await Task.Delay(20);
            }

            completedSwaps += stop.IsCancellationRequested ? 0 : 1;
        }

        await stop.CancelAsync();
        await Task.WhenAll(clients);
        _output.WriteLine($"{requests} requests in {clock.Elapsed.TotalSeconds:F1} s; version A answers {seen[0]}, version B answers {seen[1]}; swaps {completedSwaps}");

        Assert.Empty(failures);
        Assert.Equal(Swaps, completedSwaps);
        Assert.True(seen[0] > 0 && seen[1] > 0);
    }

    /// <summary>0 for version A, 1 for version B, -1 when the answer failed or mixes the two.</summary>
    private static int Classify(string body, out string problem)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.TryGetProperty("errors", out _))
        {
            problem = "errors";
            return -1;
        }

        var type = root.GetProperty("data").GetProperty("__type");
        var hasDesk = type.GetProperty("fields").EnumerateArray().Any(f => f.GetProperty("name").GetString() == "desk");
        var name = root.GetProperty("data").GetProperty("me").GetProperty("name").GetString();
        if (name != "Ada Lovelace")
        {
            problem = "wrong data";
            return -1;
        }

        switch (type.GetProperty("description").GetString())
        {
            case "version A" when hasDesk:
                problem = "";
                return 0;
            case "version B" when !hasDesk:
                problem = "";
                return 1;
            default:
                problem = "mixed schema";
                return -1;
        }
    }

    private static string HideDesk(string sdl)
    {
        var lines = sdl.Split('\n').ToList();
        var index = lines.FindIndex(l => l.TrimStart().StartsWith("desk:", StringComparison.Ordinal));
        Assert.True(index >= 0, "Trader.desk not found in the demo supergraph");
        lines[index] += " @inaccessible";
        var text = string.Join('\n', lines);
        return text.Contains("specs.apollo.dev/inaccessible", StringComparison.Ordinal)
            ? text
            : text.Replace("@link(url: \"https://specs.apollo.dev/link/v1.0\")", "@link(url: \"https://specs.apollo.dev/link/v1.0\")\n  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)", StringComparison.Ordinal)
                + "\ndirective @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION\n";
    }
}
