using System.Text.Json.Nodes;
using FederatedGateway.DifferentialTests.Shelf;
using Xunit.Abstractions;

namespace FederatedGateway.DifferentialTests;

/// <summary>Minimal reproductions of the mismatches the generated shelf operations found (gateway bugs).</summary>
public sealed class ShelfReproTests
{
    private readonly ITestOutputHelper _output;

    public ShelfReproTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("a field an @interfaceObject adds, asked on the implementation", "{ items { ... on Book { likedBy { name } } } }", "{}")]
    [InlineData("a field an @interfaceObject adds, asked on the interface", "{ items { likedBy { name } } }", "{}")]
    [InlineData("an @interfaceObject's items resolved to their types", "{ people { likes { __typename title } } }", "{}")]
    [InlineData("a union with other members per subgraph", "{ favorites { __typename ... on Book { title readingMinutes } ... on Person { name } } picks { __typename ... on Album { tracks } ... on Book { title } } }", "{}")]
    [InlineData("one object needing two representations (its own type, and the @interfaceObject) from one subgraph", "{ items { ... on Book { readingMinutes likedBy { name } } } }", "{}")]
    [InlineData("a field an @interfaceObject adds, on an object of the same subgraph", "{ favorites { ... on Book { likedBy { name } } } }", "{}")]
    public async Task Gateway_answers_like_the_monolith(string what, string query, string variables)
    {
        await using var host = await ShelfSubgraphs.StartAsync();
        using var runner = new DifferentialRunner(await File.ReadAllTextAsync(ShelfSubgraphs.SupergraphPath), host.Urls, ShelfDifferentialTests.Samples, maxDepth: 4);
        var mismatch = await runner.CompareAsync(query, JsonNode.Parse(variables)!.AsObject());
        if (mismatch is not null) _output.WriteLine(mismatch);
        Assert.True(mismatch is null, what + "\n" + mismatch);
    }
}
