using FederatedGateway.DifferentialTests.Bench;
using Xunit.Abstractions;

namespace FederatedGateway.DifferentialTests;

/// <summary>
/// The benchmark graph: keys on every entity, @requires (price weight), @provides (username), one entity type
/// reached from several root fields. Generated operations alias fields with each other's names at every depth.
/// </summary>
public sealed class BenchDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public BenchDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Generated_operations_answer_like_the_monolith()
    {
        await using var host = await BenchSubgraphs.StartAsync();
        using var runner = new DifferentialRunner(await File.ReadAllTextAsync(BenchSubgraphs.SupergraphPath), host.Urls, BenchAliasTests.Samples, maxDepth: 4);
        var (count, mismatches) = await runner.RunAsync(seed: 14014, count: DifferentialRunner.OperationCount(2000));
        var report = DifferentialRunner.Report("bench", count, mismatches) + $"monolith: {runner.MonolithSubgraphRequests} distinct subgraph requests\n";
        _output.WriteLine(report);
        Assert.True(mismatches.Count == 0, report);
    }
}
