using System.Text.Json.Nodes;
using FederatedGateway.DifferentialTests.Travel;
using Xunit.Abstractions;

namespace FederatedGateway.DifferentialTests;

/// <summary>Minimal reproductions of the mismatches the generated travel operations found (gateway bugs).</summary>
public sealed class TravelReproTests
{
    private readonly ITestOutputHelper _output;

    public TravelReproTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(
        "two places batched into one entity fetch, one asking on Hotel and one on the Bookable interface Hotels implement: neither may get the other's fields",
        "{ booking(id: \"b5\") { hotel { __typename: stars } } topRated(limit: 5) { averageRating __typename: averageRating city { code } } }",
        "{}")]
    public async Task Gateway_answers_like_the_monolith(string what, string query, string variables)
    {
        await using var host = await TravelSubgraphs.StartAsync();
        using var runner = new DifferentialRunner(await File.ReadAllTextAsync(TravelSubgraphs.SupergraphPath), host.Urls, TravelDifferentialTests.Samples, maxDepth: 4);
        var mismatch = await runner.CompareAsync(query, JsonNode.Parse(variables)!.AsObject());
        if (mismatch is not null) _output.WriteLine(mismatch);
        Assert.True(mismatch is null, what + "\n" + mismatch);
    }
}
