using FederatedGateway.Core.Composition;
using FederatedGateway.Core.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;

namespace FederatedGateway.Core.Tests.Composition;

/// <summary>Odd but possible inputs: the composer answers with a supergraph or coded errors, never an exception.</summary>
public sealed class CompositionRobustnessTests
{
    public static TheoryData<string, bool> Inputs() => new()
    {
        { "", false },
        { "   \n# only a comment\n", false },
        { "scalar X", false },
        { "type Query", false },
        { "extend type Query { a: Int }", true },
        { "schema { query: Root } type Root { a: Int }", true },
        { "type Query { a(x: [In!]!): Int } input In { y: In }", true },
        { "type Query { t: T } type T @key(fields: \"__typename id\") { id: ID }", true },
        { "type Query { t: T } type T @key(fields: \"id\") { id: ID x: Int @requires(fields: \"... on Nope { id }\") }", false },
        { "type Query { t: T @provides(fields: \"o { nope }\") } type T { o: O } type O { id: ID }", false },
        { "type Query { i: I } interface I implements I { id: ID }", false },
        { "type Query { u: U } union U = I interface I { id: ID }", false },
        { "type Query { a: Int } extend type Missing @key(fields: \"id\") { id: ID }", true },
        { "type Query { a: Int @deprecated(reason: \"\\\"quoted\\\"\\nsecond line\") }", true },
        { "type Query { t: T } type T @key(fields: 42) { id: ID }", false },
        { "type Query { t: T } type T @key { id: ID }", false },
        { "type Query { a(x: Int = \"wrong\"): Int }", false },
        { "type Query { a(x: [Color!] = [RED, BLUE], f: F = { n: 1 }): Int } enum Color { RED BLUE } input F { n: Int! m: String = \"x\" }", true },
        { "type Query { a(f: F = { m: \"y\" }): Int } input F { n: Int! m: String }", false },
        { "enum E { A } type Query { e: E } extend enum E { B }", true },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Never_throws(string body, bool composes)
    {
        foreach (var subgraph in new[] { Fed2("a", body), Fed1("b", body) })
        {
            var result = SupergraphComposer.Compose(new[] { subgraph });

            if (composes)
            {
                Assert.True(result.Succeeded, string.Join("\n", result.Errors));
                SupergraphReader.Read(result.SupergraphSdl!);
            }
            else
            {
                Assert.False(result.Succeeded);
                Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.Code)));
            }
        }
    }

    [Fact]
    public void Federation_link_renamed_with_as_and_import_aliases()
    {
        const string sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", as: "fed", import: [{ name: "@key", as: "@id" }])
            type Query { t: T @fed__shareable }
            type T @id(fields: "id") { id: ID! name: String @fed__shareable }
            """;
        var result = SupergraphComposer.Compose(new[] { new SubgraphSource("a", "http://a", sdl), Fed2("b", "type Query { t: T @shareable } type T @key(fields: \"id\") { id: ID! name: String @shareable }") });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains("@join__type(graph: A, key: \"id\")", result.SupergraphSdl, StringComparison.Ordinal);
    }
}
