using FederatedGateway.DifferentialTests.Travel;
using FederatedGateway.Testing.Generation;
using Xunit.Abstractions;

namespace FederatedGateway.DifferentialTests;

/// <summary>
/// The travel graph: an entity interface (Bookable) that another subgraph extends as an @interfaceObject, a union
/// (SearchHit), @requires with and without arguments and with a nested field, @provides, shareable value types
/// (Money, Carrier with different fields per subgraph) and a nested composite key (Flight: number carrier { code }).
/// </summary>
public sealed class TravelDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public TravelDifferentialTests(ITestOutputHelper output) => _output = output;

    internal static SampleArguments Samples { get; } = new SampleArguments()
        .Add("Query.bookable.id", "\"h1\"", "\"f2\"", "\"f3\"", "\"x9\"")
        .Add("Query.traveller.id", "\"t1\"", "\"t3\"", "\"t404\"")
        .Add("Query.booking.id", "\"b1\"", "\"b4\"", "\"b5\"", "\"b404\"")
        .Add("Query.search.term", "\"o\"", "\"ky\"", "\"inn\"", "\"zzz\"")
        .Add("Query.topRated.limit", "2", "5")
        .Add("Bookable.reviews.minRating", "4")
        .Add("Hotel.reviews.minRating", "4")
        .Add("Flight.reviews.minRating", "4");

    [Fact]
    public async Task Generated_operations_answer_like_the_monolith()
    {
        await using var host = await TravelSubgraphs.StartAsync();
        using var runner = new DifferentialRunner(await File.ReadAllTextAsync(TravelSubgraphs.SupergraphPath), host.Urls, Samples, maxDepth: 4);
        var (count, mismatches) = await runner.RunAsync(seed: 7011, count: DifferentialRunner.OperationCount(2000));
        var report = DifferentialRunner.Report("travel", count, mismatches) + $"monolith: {runner.MonolithSubgraphRequests} distinct subgraph requests\n";
        _output.WriteLine(report);
        Assert.True(mismatches.Count == 0, report);
    }
}
