using System.Text.Json.Nodes;
using FederatedGateway.DifferentialTests.Library;
using Xunit.Abstractions;

namespace FederatedGateway.DifferentialTests;

/// <summary>Minimal reproductions of the mismatches the generated library operations found (gateway bugs).</summary>
public sealed class LibraryReproTests
{
    private readonly ITestOutputHelper _output;

    public LibraryReproTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("conditional root fragment over a conditional field", "query($a: Boolean!, $b: Boolean!) { ... on Query @include(if: $a) { media @include(if: $b) { id } } }", "{\"a\":true,\"b\":true}")]
    [InlineData("skipped fragment hides an unconditional sibling fragment's entity fetch", "query($s: Boolean!) { mediaItem(id: \"b1\") { ... on Book @skip(if: $s) { readingHours } ... on Book { reviews { stars } } } }", "{\"s\":true}")]
    [InlineData("an alias equal to a field of the same type on another path, same subgraph", "{ a: mediaItem(id: \"b1\") { ... on Book { pages: reviews { body } } } b: search(term: \"e\") { ... on Book { pages } } }", "{}")]
    [InlineData("entity fetches of two places batched for different types: each place gets only its own types' selection", "{ a: mediaItem(id: \"m2\") { ... on Book { pages: reviews { body } } } b: search(term: \"e\") { ... on Movie { reviews { id } } ... on Book { id pages } } }", "{}")]
    public async Task Gateway_answers_like_the_monolith(string what, string query, string variables)
    {
        await using var host = await LibrarySubgraphs.StartAsync();
        var sdl = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Library", "library.supergraph.graphql"));
        using var runner = new DifferentialRunner(sdl, host.Urls, LibraryDifferentialTests.Samples, maxDepth: 4);
        var mismatch = await runner.CompareAsync(query, JsonNode.Parse(variables)!.AsObject());
        if (mismatch is not null) _output.WriteLine(mismatch);
        Assert.True(mismatch is null, what + "\n" + mismatch);
    }
}
