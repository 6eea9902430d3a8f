using FederatedGateway.Core.Authorization;
using FederatedGateway.Core.Composition;
using FederatedGateway.Core.Cost;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Testing.Composition;

namespace FederatedGateway.Core.Tests.Composition;

/// <summary>
/// Authorization (<c>@authenticated</c>, <c>@requiresScopes</c>, <c>@policy</c>) and demand-control (<c>@cost</c>,
/// <c>@listSize</c>) directives compose as Apollo's composer composes them.
/// <para>
/// A second set of Apollo goldens, made independently of <c>AccessAndCostCompositionTests</c>' set: the goldens under
/// <c>Composition/Graphs/parity-*</c> were produced once, outside the repository,
/// with npm packages <c>@apollo/composition@2.14.4</c> and <c>graphql@16</c>: <c>composeServices</c> over the graph's
/// subgraph files (sorted by file name, subgraph name = file name, url <c>http://127.0.0.1:4000/{name}</c>), writing
/// <c>supergraphSdl</c> to <c>apollo.supergraph.graphql</c>, or, when it failed, one line per error
/// (<c>CODE: message</c>, Apollo's message starting with <c>[subgraph]</c>) to <c>apollo.errors.txt</c>.
/// </para>
/// </summary>
public sealed class AccessAndCostParityTests
{
    [Theory]
    [InlineData("parity-auth-locations")]
    [InlineData("parity-auth-merge")]
    [InlineData("parity-cost-locations")]
    [InlineData("parity-cost-merge")]
    [InlineData("parity-auth-interfaces")]
    [InlineData("parity-auth-federation-2-5")]
    [InlineData("parity-cost-weight-only")]
    [InlineData("parity-auth-requires-covered")]
    [InlineData("parity-federation-2-7-join")]
    public void Composes_like_apollo(string graph)
    {
        var result = SupergraphComposer.Compose(ComposerParityTests.LoadGraph(graph));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var expected = File.ReadAllText(Path.Combine(GraphDirectory(graph), "apollo.supergraph.graphql"));
        Assert.Null(SupergraphNormalizer.FirstDifference(expected, result.SupergraphSdl!));
        Assert.Equal(SupergraphNormalizer.Normalize(expected), SupergraphNormalizer.Normalize(result.SupergraphSdl!));
    }

    [Theory]
    [InlineData("parity-auth-on-interface")]
    [InlineData("parity-cost-on-interface")]
    [InlineData("parity-listsize-not-list")]
    [InlineData("parity-listsize-bad-sized")]
    [InlineData("parity-listsize-bad-slicing")]
    [InlineData("parity-auth-requires-missing")]
    [InlineData("parity-federation-version-too-old")]
    public void Rejects_like_apollo(string graph)
    {
        var result = SupergraphComposer.Compose(ComposerParityTests.LoadGraph(graph));

        var expected = File.ReadAllLines(Path.Combine(GraphDirectory(graph), "apollo.errors.txt")).Where(l => l.Length > 0).Order(StringComparer.Ordinal).ToList();
        var actual = result.Errors.Select(e => $"{e.Code}: [{e.Subgraph}] {e.Message}").Order(StringComparer.Ordinal).ToList();
        Assert.False(result.Succeeded);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // Ours is Apollo's message, possibly followed by more explanation.
            Assert.StartsWith(expected[i], actual[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Different_requirements_for_one_element_are_merged_with_a_hint()
    {
        var result = SupergraphComposer.Compose(ComposerParityTests.LoadGraph("parity-auth-merge"));

        Assert.Contains(result.Hints, h => h.Code == HintCodes.MergedNonRepeatableDirectiveArguments && h.Element == "Product.price" && h.Message.Contains("DNF_CONJUNCTION", StringComparison.Ordinal));
    }

    [Fact]
    public void The_composed_authorization_requirements_load_into_the_gateway()
    {
        var sdl = SupergraphComposer.Compose(ComposerParityTests.LoadGraph("parity-auth-merge")).SupergraphSdl!;
        Assert.NotNull(SupergraphReader.Read(sdl));

        var requirements = AuthorizationRequirementsReader.Read(sdl);

        var product = requirements.ForType("Product");
        Assert.Equal([["a", "c"], ["b", "c"]], Flatten(product.Scopes));
        Assert.Equal([["p3", "p4"], ["p1", "p2", "p4"]], Flatten(product.Policies));
        Assert.True(requirements.ForField("Product", "name").Authenticated);
        Assert.Equal([["price:read"]], Flatten(requirements.ForField("Product", "price").Scopes));
        Assert.Equal([["admin", "read:products"], ["read:inventory", "read:products"]], Flatten(requirements.ForField("Query", "product").Scopes));
        Assert.True(requirements.ForField("Product", "id").IsNone);
    }

    [Fact]
    public void The_composed_authorization_on_scalars_and_enums_loads_into_the_gateway()
    {
        var sdl = SupergraphComposer.Compose(ComposerParityTests.LoadGraph("parity-auth-locations")).SupergraphSdl!;

        var requirements = AuthorizationRequirementsReader.Read(sdl);

        Assert.True(requirements.ForType("Level").Authenticated);
        Assert.Equal([["read:pii"]], Flatten(requirements.ForType("Ssn").Scopes));
        Assert.Equal([["vault", "audit"], ["root"]], Flatten(requirements.ForType("Secret").Policies));
        Assert.Equal([["sales"]], Flatten(requirements.ForField("User", "orderCount").Policies));
    }

    [Fact]
    public void An_interface_requires_what_its_implementations_require()
    {
        var sdl = SupergraphComposer.Compose(ComposerParityTests.LoadGraph("parity-auth-interfaces")).SupergraphSdl!;

        var requirements = AuthorizationRequirementsReader.Read(sdl);

        var media = requirements.ForType("Media");
        Assert.True(media.Authenticated);
        Assert.Equal([["books"]], Flatten(media.Scopes));
        Assert.Equal([["stock"]], Flatten(media.Policies));
        Assert.Equal([["admin", "film:price"], ["film:price", "price"]], Flatten(requirements.ForField("Media", "price").Scopes));
        Assert.True(requirements.ForField("Media", "id").IsNone);
    }

    [Fact]
    public void The_composed_cost_directives_load_into_the_gateway()
    {
        var sdl = SupergraphComposer.Compose(ComposerParityTests.LoadGraph("parity-cost-merge")).SupergraphSdl!;
        Assert.NotNull(SupergraphReader.Read(sdl));

        var cost = CostDirectives.Read(sdl);

        Assert.Equal(8, cost.Weight("Query.items"));
        Assert.Equal(6, cost.Weight("Item"));
        var items = cost.ListSize("Query", "items")!;
        Assert.Equal(25, items.AssumedSize);
        Assert.Equal(["first", "size"], items.SlicingArguments);
        Assert.False(items.RequireOneSlicingArgument);
        Assert.Equal(["entries", "more"], cost.ListSize("Query", "pages")!.SizedFields);
    }

    [Fact]
    public void The_composed_argument_input_field_enum_and_scalar_costs_load_into_the_gateway()
    {
        var cost = CostDirectives.Read(SupergraphComposer.Compose(ComposerParityTests.LoadGraph("parity-cost-locations")).SupergraphSdl!);

        Assert.Equal(2, cost.Weight("Query.products(first)"));
        Assert.Equal(4, cost.Weight("Filter.text"));
        Assert.Equal(2, cost.Weight("Rating"));
        Assert.Equal(7, cost.Weight("Money"));
        Assert.Equal(10, cost.Weight("Product.reviews"));
        Assert.Equal(["limit"], cost.ListSize("Product", "reviews")!.SlicingArguments);
    }

    private static List<List<string>> Flatten(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> requirement) =>
        requirement.SelectMany(r => r).Select(alternative => alternative.ToList()).ToList();

    private static string GraphDirectory(string graph) => Path.Combine(AppContext.BaseDirectory, "Composition", "Graphs", graph);
}
