using BenchmarkDotNet.Attributes;
using FederatedGateway.Core.Composition;
using FederatedGateway.Testing.Composition;

namespace FederatedGateway.Benchmarks;

/// <summary>Composition of the large synthetic graph: 50 subgraphs, 2,000 entities in three subgraphs each, 1,500 value types and 1,500 enums (5,006 supergraph types).</summary>
[MemoryDiagnoser]
public class ComposeBenchmarks
{
    private IReadOnlyList<SubgraphSource> _subgraphs = Array.Empty<SubgraphSource>();

    [GlobalSetup]
    public void Setup() => _subgraphs = SyntheticSubgraphs.Create(50, 2000, 1500);

    [Benchmark]
    public int ComposeLargeGraph() => SupergraphComposer.Compose(_subgraphs).SupergraphSdl!.Length;

    /// <summary>One cold composition in a fresh process: wall time and peak working set (what a CI job sees).</summary>
    public static int RunOnce()
    {
        var subgraphs = SyntheticSubgraphs.Create(50, 2000, 1500);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = SupergraphComposer.Compose(subgraphs);
        watch.Stop();
        var types = result.Succeeded ? Core.Supergraph.SupergraphReader.Read(result.SupergraphSdl!).Types.Count : 0;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine($"subgraphs: {subgraphs.Count}, supergraph types: {types}, succeeded: {result.Succeeded}, errors: {result.Errors.Count}");
        Console.WriteLine($"compose: {watch.Elapsed.TotalMilliseconds:F0} ms, peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        return result.Succeeded ? 0 : 1;
    }
}
