using FederatedGateway.DifferentialTests.Shelf;
using FederatedGateway.Testing.Generation;
using Xunit.Abstractions;

namespace FederatedGateway.DifferentialTests;

/// <summary>
/// The shelf graph: interfaces and unions across subgraphs (an entity interface extended elsewhere as an
/// @interfaceObject, a union with other members in each subgraph) and @requires.
/// </summary>
public sealed class ShelfDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public ShelfDifferentialTests(ITestOutputHelper output) => _output = output;

    internal static SampleArguments Samples { get; } = new SampleArguments()
        .Add("Query.item.id", "\"k1\"", "\"a2\"", "\"zz\"");

    [Fact]
    public async Task Generated_operations_answer_like_the_monolith()
    {
        await using var host = await ShelfSubgraphs.StartAsync();
        using var runner = new DifferentialRunner(await File.ReadAllTextAsync(ShelfSubgraphs.SupergraphPath), host.Urls, Samples, maxDepth: 4);
        var (count, mismatches) = await runner.RunAsync(seed: 1414, count: DifferentialRunner.OperationCount(2000));
        var report = DifferentialRunner.Report("shelf", count, mismatches) + $"monolith: {runner.MonolithSubgraphRequests} distinct subgraph requests\n";
        _output.WriteLine(report);
        Assert.True(mismatches.Count == 0, report);
    }
}
