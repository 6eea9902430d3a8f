using FederatedGateway.DifferentialTests.Library;
using FederatedGateway.Testing.Generation;
using Xunit.Abstractions;

namespace FederatedGateway.DifferentialTests;

/// <summary>The library graph: an interface (Media), a union (SearchResult), an entity split over two subgraphs and @requires.</summary>
public sealed class LibraryDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public LibraryDifferentialTests(ITestOutputHelper output) => _output = output;

    internal static SampleArguments Samples { get; } = new SampleArguments()
        .Add("Query.mediaItem.id", "\"b1\"", "\"m2\"", "\"b3\"", "\"zz\"")
        .Add("Query.search.term", "\"e\"", "\"dune\"", "\"an\"", "\"xyz\"")
        .Add("Query.topReviews.minStars", "4", "5");

    [Fact]
    public async Task Generated_operations_answer_like_the_monolith()
    {
        await using var host = await LibrarySubgraphs.StartAsync();
        var sdl = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Library", "library.supergraph.graphql"));
        using var runner = new DifferentialRunner(sdl, host.Urls, Samples, maxDepth: 4);
        var (count, mismatches) = await runner.RunAsync(seed: 4242, count: DifferentialRunner.OperationCount(2000));
        var report = DifferentialRunner.Report("library", count, mismatches) + $"monolith: {runner.MonolithSubgraphRequests} distinct subgraph requests\n";
        _output.WriteLine(report);
        Assert.True(mismatches.Count == 0, report);
    }
}
