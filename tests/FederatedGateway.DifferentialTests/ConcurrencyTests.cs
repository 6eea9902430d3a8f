using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using FederatedGateway.Core.Operations;
using FederatedGateway.DifferentialTests.Bench;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Transport;
using Xunit.Abstractions;

namespace FederatedGateway.DifferentialTests;

/// <summary>
/// Planning and execution are safe to share: 32 threads plan and execute the benchmark golden and generated
/// operations against the gateway while another thread keeps swapping in new snapshots (half of them without an
/// operation cache, so every request plans again). Every answer must equal the monolith's, computed beforehand.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 32;
    private const int RequestsPerThread = 24;

    private readonly ITestOutputHelper _output;

    public ConcurrencyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task ThirtyTwoThreadsPlanAndExecuteWhileSnapshotsAreSwapped()
    {
        await using var host = await BenchSubgraphs.StartAsync();
        var supergraph = await File.ReadAllTextAsync(BenchSubgraphs.SupergraphPath);
        using var runner = new DifferentialRunner(supergraph, host.Urls, BenchAliasTests.Samples, maxDepth: 4);
        var operations = await OperationsAsync(runner, generated: 31);

        using var client = new HttpSubgraphClient();
        var noCache = new OperationCacheOptions { MaxEntries = 0 };
        GatewaySnapshot Build(int generation) => GatewaySnapshot.Build(supergraph, client, host.Urls, cache: generation % 2 == 0 ? null : noCache);
        var gateway = new FederatedGatewayExecutor(Build(0));

        using var done = new CancellationTokenSource();
        var swaps = 0;
        var swapper = Task.Run(async () =>
        {
            for (var generation = 1; !done.IsCancellationRequested; generation++)
            {
                gateway.Swap(Build(generation));
                Interlocked.Increment(ref swaps);
                await Task.Delay(5);
            }
        });

        var mismatches = RunWorkers(gateway, operations);
        await done.CancelAsync();
        await swapper;

        _output.WriteLine($"{Threads * RequestsPerThread} requests over {operations.Count} operations, {swaps} snapshot swaps, {mismatches.Count} wrong");
        Assert.True(swaps > 1, "no snapshot was swapped in while requests ran");
        Assert.True(mismatches.IsEmpty, string.Join("\n\n", mismatches.Take(3)));
    }

    /// <summary>
    /// De-duplicated fetches: 32 threads send four operations (the benchmark query and three generated ones) at once,
    /// so many root and entity fetches are shared, their answers read once and merged as copies into every request's
    /// tree. Every answer must still equal the monolith's.
    /// </summary>
    [Fact]
    public async Task ThirtyTwoThreadsSharingFetchesEachGetTheMonolithsAnswer()
    {
        await using var host = await BenchSubgraphs.StartAsync();
        var supergraph = await File.ReadAllTextAsync(BenchSubgraphs.SupergraphPath);
        using var runner = new DifferentialRunner(supergraph, host.Urls, BenchAliasTests.Samples, maxDepth: 4);
        var operations = await OperationsAsync(runner, generated: 3);

        using var client = new DeduplicatingSubgraphClient(new HttpSubgraphClient());
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(supergraph, client, host.Urls));

        var mismatches = RunWorkers(gateway, operations);

        _output.WriteLine($"{Threads * RequestsPerThread} requests over {operations.Count} operations, {client.Shared} fetches shared, {mismatches.Count} wrong");
        Assert.True(client.Shared > 0, "no fetch was shared");
        Assert.True(mismatches.IsEmpty, string.Join("\n\n", mismatches.Take(3)));
    }

    /// <summary>The benchmark query and <paramref name="generated"/> generated operations, with the monolith's answers.</summary>
    private static async Task<List<(string Query, JsonObject Variables, JsonNode? Expected)>> OperationsAsync(DifferentialRunner runner, int generated)
    {
        var operations = new List<(string Query, JsonObject Variables, JsonNode? Expected)>
        {
            (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Bench", "bench.nested.graphql")), new JsonObject(), null),
        };
        foreach (var operation in runner.Generate(seed: 15015, count: generated))
        {
            operations.Add((operation.Query, operation.Variables, null));
        }

        for (var i = 0; i < operations.Count; i++)
        {
            var expected = await runner.MonolithAsync(operations[i].Query, operations[i].Variables);
            Assert.True(expected["errors"] is null, $"the monolith failed on {operations[i].Query}: {expected.ToJsonString()}");
            operations[i] = operations[i] with { Expected = expected["data"] };
        }

        return operations;
    }

    /// <summary>Runs the operations round-robin on <see cref="Threads"/> threads; returns the wrong answers.</summary>
    private static ConcurrentQueue<string> RunWorkers(FederatedGatewayExecutor gateway, List<(string Query, JsonObject Variables, JsonNode? Expected)> operations)
    {
        var mismatches = new ConcurrentQueue<string>();
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (var r = 0; r < RequestsPerThread; r++)
            {
                var (query, variables, expected) = operations[((t * RequestsPerThread) + r) % operations.Count];
                using var vars = JsonDocument.Parse(variables.ToJsonString());
                using var result = gateway.ExecuteAsync(new GatewayRequest { Query = query, Variables = vars.RootElement }, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                var actual = JsonNode.Parse(result.Body.Span)!.AsObject();
                if (actual["errors"] is not null || !DifferentialRunner.JsonEquals(expected, actual["data"]))
                {
                    mismatches.Enqueue($"thread {t}, request {r}: {query}\nexpected: {expected?.ToJsonString()}\nactual:   {actual.ToJsonString()}");
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        foreach (var worker in workers)
        {
            Assert.True(worker.Join(TimeSpan.FromMinutes(5)), "a worker did not finish");
        }

        return mismatches;
    }
}
