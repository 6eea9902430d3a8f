using FederatedGateway.Testing.Composition;

namespace FederatedGateway.Core.Tests.Composition;

public sealed class SupergraphNormalizerTests
{
    private const string Sdl = "type B @join__type(graph: X) @join__type(graph: Y, key: \"id\") { id: ID! name(a: Int, b: String = \"x\"): String @join__field(graph: X) }\nenum A { ONE TWO }";

    private const string Linked = "schema @link(url: \"https://specs.apollo.dev/link/v1.0\") @link(url: \"https://specs.apollo.dev/join/v0.3\", for: EXECUTION, import: [\"@a\", \"@b\"]) { query: Query }\n"
        + "\"\"\"Does a thing.\"\"\" directive @a(x: [Int] = [1, 2]) repeatable on OBJECT | FIELD_DEFINITION\ntype Query { a: Int }";

    [Fact]
    public void Order_of_definitions_fields_directives_and_arguments_does_not_matter()
    {
        const string reordered = "enum A { TWO ONE }\ntype B @join__type(graph: Y, key: \"id\") @join__type(graph: X) { name(b: String = \"x\", a: Int): String @join__field(graph: X) id: ID! }";

        Assert.Equal(SupergraphNormalizer.Normalize(Sdl), SupergraphNormalizer.Normalize(reordered));
        Assert.Null(SupergraphNormalizer.FirstDifference(Sdl, reordered));
    }

    [Fact]
    public void Order_of_directive_list_items_locations_and_description_layout_does_not_matter()
    {
        var reordered = Linked
            .Replace("[\"@a\", \"@b\"]", "[\"@b\", \"@a\"]", StringComparison.Ordinal)
            .Replace("OBJECT | FIELD_DEFINITION", "FIELD_DEFINITION | OBJECT", StringComparison.Ordinal)
            .Replace("\"\"\"Does a thing.\"\"\"", "\"\"\"\n  Does a\n  thing.\n\"\"\"", StringComparison.Ordinal);

        Assert.Equal(SupergraphNormalizer.Normalize(Linked), SupergraphNormalizer.Normalize(reordered));
    }

    [Theory]
    [InlineData("key: \"id\"", "key: \"uid\"")]
    [InlineData(" @join__field(graph: X)", "")]
    [InlineData(" @join__type(graph: X)", "")]
    [InlineData("id: ID!", "id: ID")]
    [InlineData("ONE TWO", "ONE")]
    [InlineData("b: String = \"x\"", "b: String = \"y\"")]
    [InlineData("type B", "interface B")]
    public void A_changed_value_or_missing_directive_differs(string from, string to)
    {
        Assert.NotEqual(SupergraphNormalizer.Normalize(Sdl), SupergraphNormalizer.Normalize(Sdl.Replace(from, to, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Does a thing.", "Does another thing.")]
    [InlineData("[1, 2]", "[2, 1]")]
    [InlineData("for: EXECUTION", "for: SECURITY")]
    [InlineData(" repeatable", "")]
    [InlineData("join/v0.3", "join/v0.4")]
    public void Descriptions_default_list_order_and_link_arguments_count(string from, string to)
    {
        Assert.NotEqual(SupergraphNormalizer.Normalize(Linked), SupergraphNormalizer.Normalize(Linked.Replace(from, to, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_diff_names_the_definition_and_the_lines_on_each_side()
    {
        var actual = Sdl.Replace("id: ID!", "id: ID", StringComparison.Ordinal).Replace("enum A { ONE TWO }", "scalar C", StringComparison.Ordinal);

        var differences = SupergraphDiff.Compare(Sdl, actual);

        Assert.Collection(
            differences,
            d => Assert.Equal(("enum A", DifferenceKind.Missing), (d.Key, d.Kind)),
            d => Assert.Equal(("scalar C", DifferenceKind.Extra), (d.Key, d.Kind)),
            d =>
            {
                Assert.Equal(("type B", DifferenceKind.Changed), (d.Key, d.Kind));
                Assert.Equal(["  id: ID!"], d.ExpectedOnly);
                Assert.Equal(["  id: ID"], d.ActualOnly);
                Assert.Equal("type B: expected `id: ID!` but was `id: ID`", d.ToString());
                Assert.Equal("type B (changed)\n  - id: ID!\n  + id: ID", d.Format());
            });
        Assert.Equal("enum A: missing", SupergraphNormalizer.FirstDifference(Sdl, actual));
        Assert.Single(SupergraphDiff.Compare(Sdl, actual, maxDifferences: 1));
    }
}
