using FederatedGateway.Testing.Processes;
using System.Text.Json;
using System.Diagnostics;
using System.Net;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Infrastructure;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Server;

/// <summary>The gateway executable as operators run it: starts, serves, stops on SIGTERM, refuses a bad supergraph.</summary>
public sealed class ServerProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(20);

    private void Dump(ServerProcess server)
    {
        output.WriteLine("--- stdout ---\n" + server.StandardOutput);
        output.WriteLine("--- stderr ---\n" + server.StandardError);
    }

    /// <summary>Polls GET /health/ready until 200; fails after <see cref="StartupLimit"/> or when the process exits.</summary>
    private static async Task WaitUntilHealthyAsync(ServerProcess server, HttpClient http, Stopwatch clock)
    {
        var baseUrl = await server.ListeningUrl.WaitAsync(StartupLimit - clock.Elapsed);
        HttpStatusCode? last = null;
        while (clock.Elapsed < StartupLimit && !server.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(baseUrl + "/health/ready");
                last = response.StatusCode;
                if (last == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail($"GET /health/ready was not 200 within {StartupLimit.TotalSeconds} s (last status: {last?.ToString() ?? "none"}, exited: {server.HasExited})");
    }

    [Fact]
    public async Task ServesTheDemoSupergraphThenExitsWithZeroOnSigterm()
    {
        await using var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var environment = subgraphs.Subgraphs.ToDictionary(s => $"Gateway__SubgraphUrlOverrides__{s.Name}", s => s.Url.ToString());
        environment["Gateway__Introspection"] = "true";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        var clock = Stopwatch.StartNew();
        using var server = ServerProcess.Start(["--supergraph", DemoGateway.SupergraphPath, "--urls", "http://127.0.0.1:0"], environment);
        try
        {
            await WaitUntilHealthyAsync(server, http, clock);
            output.WriteLine($"process start to GET /health/ready 200: {clock.ElapsedMilliseconds} ms");
            var endpoint = await server.ListeningUrl + "/graphql";
            Assert.StartsWith("http://127.0.0.1:", endpoint);

            var response = await GraphQLHttp.PostAsync(http, endpoint, """{ me { name positions { instrument { symbol lastPrice } } remainingOrderCapacity } }""");
            JsonAssert.Equal("""
                {"data":{"me":{"name":"Ada Lovelace","positions":[
                  {"instrument":{"symbol":"AAPL","lastPrice":189.25}},{"instrument":{"symbol":"MSFT","lastPrice":415.1}},{"instrument":{"symbol":"TLT","lastPrice":92.3}}],
                  "remainingOrderCapacity":3}}}
                """, response.Body);
            // Introspection runs in GraphQL.NET; its answer is written without reflection (which a native build lacks).
            var introspection = await GraphQLHttp.PostAsync(
                http, endpoint, """{ __schema { queryType { name } } __type(name: "Instrument") { kind fields(includeDeprecated: true) { name isDeprecated } } }""");
            Assert.False(introspection.HasErrors, introspection.Body.GetRawText());
            var data = introspection.Data;
            Assert.Equal("Query", data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
            Assert.Equal("OBJECT", data.GetProperty("__type").GetProperty("kind").GetString());
            Assert.Contains(
                data.GetProperty("__type").GetProperty("fields").EnumerateArray(),
                f => f.GetProperty("name").GetString() == "symbol" && !f.GetProperty("isDeprecated").GetBoolean());
            using (var ready = await http.GetAsync(await server.ListeningUrl + "/health/ready"))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            server.Terminate();
            Assert.True(await server.WaitForExitAsync(ExitLimit), $"the server did not exit within {ExitLimit.TotalSeconds} s of SIGTERM");
            Assert.Equal(0, server.ExitCode);
        }
        finally
        {
            Dump(server);
        }
    }

    [Fact]
    public async Task LogsAreStructuredJsonWhenAskedFor()
    {
        await using var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        using var server = ServerProcess.Start(["--supergraph", DemoGateway.SupergraphPath, "--urls", "http://127.0.0.1:0", "--Logging:Console:FormatterName", "json"]);
        try
        {
            await WaitUntilHealthyAsync(server, http, clock);
            var loaded = server.StandardOutput.Split('\n')
                .Where(line => line.StartsWith('{'))
                .Select(line => JsonDocument.Parse(line).RootElement.Clone())
                .FirstOrDefault(entry => entry.GetProperty("Category").GetString()!.EndsWith("SupergraphFileLoader", StringComparison.Ordinal));
            Assert.True(loaded.ValueKind == JsonValueKind.Object, "no JSON log entry from the supergraph loader:\n" + server.StandardOutput);
            Assert.Equal("Information", loaded.GetProperty("LogLevel").GetString());
            Assert.Equal(3, loaded.GetProperty("State").GetProperty("Count").GetInt32());
            Assert.Equal(DemoGateway.SupergraphPath, loaded.GetProperty("State").GetProperty("Path").GetString());
            server.Terminate();
            Assert.True(await server.WaitForExitAsync(ExitLimit));
        }
        finally
        {
            Dump(server);
        }
    }

    [Fact]
    public async Task WithoutTheJitSettingTheServerRunsAsItsOwnChildAndRelaysSigtermAndExitCodesUnlessNative()
    {
        await using var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var environment = subgraphs.Subgraphs.ToDictionary(s => $"Gateway__SubgraphUrlOverrides__{s.Name}", s => s.Url.ToString());
        environment[JitSafeRelaunchVariable] = ""; // removed: the executable must set it for its gateway itself
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        using var server = ServerProcess.Start(["--supergraph", DemoGateway.SupergraphPath, "--urls", "http://127.0.0.1:0"], environment);
        int child;
        try
        {
            await WaitUntilHealthyAsync(server, http, Stopwatch.StartNew());
            var response = await GraphQLHttp.PostAsync(http, await server.ListeningUrl + "/graphql", "{ me { name } }");
            JsonAssert.Equal("""{"data":{"me":{"name":"Ada Lovelace"}}}""", response.Body);

            if (ServerProcess.RunsNative)
            {
                // A native build has no JIT to protect: it runs the gateway itself, one process.
                Assert.Empty(ChildrenOf(server.Id));
                server.Terminate();
                Assert.True(await server.WaitForExitAsync(ExitLimit), $"the server did not exit within {ExitLimit.TotalSeconds} s of SIGTERM");
                Assert.Equal(0, server.ExitCode);
                return;
            }

            child = Assert.Single(ChildrenOf(server.Id));
            Assert.DoesNotContain(JitSafeRelaunchVariable + "=", EnvironmentOf(server.Id));
            Assert.Contains(JitSafeRelaunchVariable + "=0", EnvironmentOf(child));

            server.Terminate();
            Assert.True(await server.WaitForExitAsync(ExitLimit), $"the server did not exit within {ExitLimit.TotalSeconds} s of SIGTERM");
            Assert.Equal(0, server.ExitCode);
            Assert.False(Directory.Exists($"/proc/{child}"), "the gateway child outlived its parent");
        }
        finally
        {
            Dump(server);
        }

        // The child's exit code is the executable's: a missing supergraph is still 1.
        environment = new Dictionary<string, string> { [JitSafeRelaunchVariable] = "" };
        using var failing = ServerProcess.Start(["--supergraph", "/no/such/supergraph.graphql", "--urls", "http://127.0.0.1:0"], environment);
        Assert.True(await failing.WaitForExitAsync(ExitLimit), "the server kept running without a supergraph");
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("supergraph.graphql", failing.StandardError);
    }

    private const string JitSafeRelaunchVariable = "DOTNET_JitObjectStackAllocation";

    /// <summary>The process ids whose parent is <paramref name="parent"/> (from /proc/*/stat).</summary>
    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }

        return children;
    }

    private static string EnvironmentOf(int pid) => File.ReadAllText($"/proc/{pid}/environ").Replace('\0', '\n');

    [Fact]
    public async Task MissingSupergraphFileExitsWithOneAndAnErrorLine()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-supergraph-{Guid.NewGuid():N}.graphql");
        using var server = ServerProcess.Start(["--supergraph", missing, "--urls", "http://127.0.0.1:0"]);
        try
        {
            Assert.True(await server.WaitForExitAsync(ExitLimit), "the server kept running without a supergraph");
            Assert.Equal(1, server.ExitCode);
            Assert.Contains("error:", server.StandardError);
            Assert.Contains(Path.GetFileName(missing), server.StandardError);
        }
        finally
        {
            Dump(server);
        }
    }

    [Fact]
    public async Task InvalidSupergraphFileExitsWithOneAndAnErrorLine()
    {
        var invalid = Path.Combine(Path.GetTempPath(), $"invalid-supergraph-{Guid.NewGuid():N}.graphql");
        await File.WriteAllTextAsync(invalid, "type Query { this is not { graphql");
        try
        {
            using var server = ServerProcess.Start(["--supergraph", invalid, "--urls", "http://127.0.0.1:0"]);
            try
            {
                Assert.True(await server.WaitForExitAsync(ExitLimit), "the server kept running with an invalid supergraph");
                Assert.Equal(1, server.ExitCode);
                Assert.Contains("error:", server.StandardError);

                // The one line only: no host error log with the exception's stack trace before it.
                Assert.DoesNotContain("Hosting failed to start", server.StandardOutput + server.StandardError, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", server.StandardOutput + server.StandardError, StringComparison.Ordinal);
            }
            finally
            {
                Dump(server);
            }
        }
        finally
        {
            File.Delete(invalid);
        }
    }
}
