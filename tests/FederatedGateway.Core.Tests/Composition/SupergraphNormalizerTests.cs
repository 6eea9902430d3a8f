using FederatedGateway.Testing.Composition;

namespace FederatedGateway.Core.Tests.Composition;

public sealed class SupergraphNormalizerTests
{
    private const string Sdl = "type B @join__type(graph: X) @join__type(graph: Y, key: \"id\") { id: ID! name(a: Int, b: String): String @join__field(graph: X) }\nenum A { ONE TWO }";

    [Fact]
    public void Order_of_definitions_fields_directives_and_arguments_does_not_matter()
    {
        const string reordered = "enum A { TWO ONE }\n\"\"\"\n\"\"\"\ntype B @join__type(graph: Y, key: \"id\") @join__type(graph: X) { name(b: String, a: Int): String @join__field(graph: X) id: ID! }";
        Assert.Equal(SupergraphNormalizer.Normalize(Sdl), SupergraphNormalizer.Normalize(reordered.Replace("\"\"\"\n\"\"\"\n", "", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("key: \"id\"", "key: \"uid\"")]
    [InlineData(" @join__field(graph: X)", "")]
    [InlineData("id: ID!", "id: ID")]
    [InlineData("ONE TWO", "ONE")]
    public void A_changed_value_or_missing_directive_differs(string from, string to)
    {
        Assert.NotEqual(SupergraphNormalizer.Normalize(Sdl), SupergraphNormalizer.Normalize(Sdl.Replace(from, to, StringComparison.Ordinal)));
    }
}
