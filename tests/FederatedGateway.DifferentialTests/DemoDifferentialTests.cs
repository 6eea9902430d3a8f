using FederatedGateway.Demo;
using FederatedGateway.Testing.Generation;
using Xunit.Abstractions;

namespace FederatedGateway.DifferentialTests;

public sealed class DemoDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public DemoDifferentialTests(ITestOutputHelper output) => _output = output;

    internal static SampleArguments Samples { get; } = new SampleArguments()
        .Add("Query.trader.id", "\"t1\"", "\"t2\"", "\"t3\"", "\"t404\"")
        .Add("Query.order.id", "\"o-1001\"", "\"o-1004\"", "\"o-1006\"", "\"o-404\"")
        .Add("Query.instrument.symbol", "\"AAPL\"", "\"VOD\"", "\"NVDA\"", "\"NOPE\"");

    [Fact]
    public async Task Generated_operations_answer_like_the_monolith()
    {
        await using var host = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var overrides = host.Subgraphs.ToDictionary(s => s.Name, s => s.Url.ToString());
        using var runner = new DifferentialRunner(await File.ReadAllTextAsync(DemoGateway.SupergraphPath), overrides, Samples, maxDepth: 4);
        var (count, mismatches) = await runner.RunAsync(seed: 20261128, count: DifferentialRunner.OperationCount(2000));
        var report = DifferentialRunner.Report("demo", count, mismatches) + $"monolith: {runner.MonolithSubgraphRequests} distinct subgraph requests\n";
        _output.WriteLine(report);
        Assert.True(mismatches.Count == 0, report);
    }
}
