using System.Diagnostics;
using FederatedGateway.Core.Composition;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Testing.Composition;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// The gateway on a large schema: composes the synthetic graph of <see cref="ComposeBenchmarks"/> (50 subgraphs, 5,006
/// supergraph types), writes its supergraph to a file, and loads that in a fresh process, as a gateway starting on it
/// would: the time to a snapshot ready to serve (supergraph read, API schema, executor), the peak RSS, and then the
/// cold preparation (parse + validate + plan, nothing cached) of distinct operations that cross entity boundaries,
/// timed one by one after a warm-up (which leaves the JIT, not the cache, out of the figure).
/// </summary>
public static class LargeSchemaRun
{
    private const int WarmUp = 20;
    private const int Measured = 200;
    private const int Subgraphs = 50;
    private const int Entities = 2000;
    private const int ValueTypes = 1500;

    /// <summary>Entities with a root field: the first three each subgraph owns (<see cref="SyntheticSubgraphs"/>).</summary>
    private const int RootEntities = 3 * Subgraphs;

    /// <summary><c>--large-schema</c>: composes, then runs <see cref="LoadAsync"/> in a child process and passes on its exit code.</summary>
    public static async Task<int> RunAsync()
    {
        var result = SupergraphComposer.Compose(SyntheticSubgraphs.Create(Subgraphs, Entities, ValueTypes));
        if (!result.Succeeded)
        {
            Console.Error.WriteLine("error: the synthetic graph did not compose: " + string.Join("; ", result.Errors.Take(3).Select(e => e.Message)));
            return 1;
        }

        var path = Path.Combine(Path.GetTempPath(), $"fgw-large-supergraph-{Environment.ProcessId}.graphql");
        await File.WriteAllTextAsync(path, result.SupergraphSdl);
        try
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                start.ArgumentList.Add(typeof(LargeSchemaRun).Assembly.Location);
            }

            start.ArgumentList.Add("--load-supergraph");
            start.ArgumentList.Add(path);
            using var child = Process.Start(start)!;
            await child.WaitForExitAsync();
            return child.ExitCode;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary><c>--load-supergraph FILE</c>: loads it as the gateway does and prepares distinct operations cold.</summary>
    public static async Task<int> LoadAsync(string path)
    {
        var watch = Stopwatch.StartNew();
        var sdl = await File.ReadAllTextAsync(path);
        var snapshot = GatewaySnapshot.Build(sdl, new HttpSubgraphClient());
        var loaded = watch.Elapsed;
        var types = snapshot.Schema.Types.Count;
        var loadedPeak = PeakRssMb();

        var operations = Operations().Take(WarmUp + Measured).ToList();
        var times = new List<double>(Measured);
        for (var i = 0; i < operations.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var prepared = await snapshot.Preparer.PrepareAsync(operations[i], null, default, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (prepared.Operation is null)
            {
                Console.Error.WriteLine($"error: operation {i} was refused: {operations[i]}");
                return 1;
            }

            if (i >= WarmUp)
            {
                times.Add(elapsed);
            }
        }

        times.Sort();
        Console.WriteLine($"supergraph: {types} types, {sdl.Length / 1024} KB");
        Console.WriteLine($"load (read + snapshot ready to serve): {loaded.TotalMilliseconds:F0} ms, peak RSS then {loadedPeak} MB");
        Console.WriteLine($"cold prepare (parse + validate + plan) of {times.Count} distinct operations after {WarmUp}: median {times[times.Count / 2]:F2} ms, p95 {times[(int)(times.Count * 0.95)]:F2} ms, max {times[^1]:F2} ms");
        Console.WriteLine($"peak RSS after all: {PeakRssMb()} MB");
        return 0;
    }

    /// <summary>
    /// Distinct operations over the synthetic graph: an entity's root field, its fields from the two subgraphs that
    /// extend it (one through @requires), its value type, and two hops along <c>next</c> into other subgraphs.
    /// </summary>
    private static IEnumerable<string> Operations()
    {
        for (var e = 0; e < RootEntities; e++)
        {
            var next = (e + 1) % Entities;
            var after = (next + 1) % Entities;
            var other = (e + Subgraphs) % RootEntities;
            yield return $"query Op{e} {{ e{e}(id: \"{e}\") {{ id name weight score{e} shipping{e} detail {{ label kind }} "
                + $"next {{ id name score{next} shipping{next} next {{ id name weight score{after} }} }} }} }}";
            yield return $"query Pair{e} {{ a: e{e}(id: \"1\") {{ name next {{ name }} }} b: e{other}(id: \"2\") {{ id score{other} }} }}";
        }
    }

    private static long PeakRssMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / (1024 * 1024);
    }
}
