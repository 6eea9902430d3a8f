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
    [InlineData("an @interfaceObject fetch planned for one implementation (Album) does not answer for the others: nested items keep their resolved __typename (generated operation #400, seed 1414)", "query Q($v0: Boolean!, $v1: Boolean!, $v2: Boolean!, $v3: Boolean!, $v4: Boolean!, $v5: Boolean!, $v6: Boolean!) { people { likes { title: likedBy { likes { __typename } } ... on Album { ... { title: likedBy { likes { ...F0 } favorite { ...F1 @include(if: true) } likes @include(if: false) { ...F2 } ... { likes { ... on Book { __typename @include(if: $v2) } ...F3 } ...F4 } } } ... on Item { likedBy_c1: likedBy { favorite { ... on Book { likedBy: title @skip(if: $v3) @include(if: true) } } likes { ...F5 @include(if: true) } ...F6 } ... on Book { likedBy_c1: likedBy { likes @skip(if: $v5) { id_c1: id } } } } } } name: id @skip(if: $v6) } } fragment F0 on Album { id_c1: id } fragment F1 on Book { pages @skip(if: $v0) } fragment F2 on Album { title @include(if: true) @skip(if: $v1) } fragment F3 on Album { tracks } fragment F4 on Person { favorite { ... on Album { tracks_a1: tracks } } } fragment F5 on Item { title } fragment F6 on Person { name @include(if: $v4) }", "{\"v0\":true,\"v1\":true,\"v2\":true,\"v3\":true,\"v4\":false,\"v5\":false,\"v6\":false}")]
    public async Task Gateway_answers_like_the_monolith(string what, string query, string variables)
    {
        await using var host = await ShelfSubgraphs.StartAsync();
        using var runner = new DifferentialRunner(await File.ReadAllTextAsync(ShelfSubgraphs.SupergraphPath), host.Urls, ShelfDifferentialTests.Samples, maxDepth: 4);
        var mismatch = await runner.CompareAsync(query, JsonNode.Parse(variables)!.AsObject());
        if (mismatch is not null) _output.WriteLine(mismatch);
        Assert.True(mismatch is null, what + "\n" + mismatch);
    }
}
