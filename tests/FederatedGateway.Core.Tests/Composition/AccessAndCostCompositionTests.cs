using FederatedGateway.Core.Authorization;
using FederatedGateway.Core.Composition;
using FederatedGateway.Core.Cost;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Testing.Composition;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;

namespace FederatedGateway.Core.Tests.Composition;

/// <summary>
/// Composition of the authorization directives (<c>@authenticated</c>, <c>@requiresScopes</c>, <c>@policy</c>) and the
/// demand-control directives (<c>@cost</c>, <c>@listSize</c>) equals Apollo's. The graphs are under Composition/Graphs
/// (auth-elements, auth-merge, auth-renamed, auth-printed-definitions, policies, cost-weights, list-sizes, and the rejected auth-on-interface,
/// auth-requires-missing and list-size-invalid); their goldens were produced once, outside the repository, with @apollo/composition 2.14.4
/// (@apollo/federation-internals 2.14.4, graphql 16.15.0) on Node.js: composeServices() over each directory's subgraph
/// files (name = file name, url = http://127.0.0.1:4000/&lt;name&gt;), writing supergraphSdl to apollo.supergraph.graphql,
/// or, when Apollo rejected the graph, one "CODE: message" line per error to apollo.errors.txt.
/// </summary>
public sealed class AccessAndCostCompositionTests
{
    [Theory]
    [InlineData("auth-elements")]
    [InlineData("auth-merge")]
    [InlineData("auth-renamed")]
    [InlineData("policies")]
    [InlineData("cost-weights")]
    [InlineData("list-sizes")]
    [InlineData("auth-printed-definitions")]
    public void Composes_like_apollo(string graph)
    {
        var result = SupergraphComposer.Compose(ComposerParityTests.LoadGraph(graph));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var expected = File.ReadAllText(Path.Combine(GraphDirectory(graph), "apollo.supergraph.graphql"));
        var differences = SupergraphDiff.Compare(expected, result.SupergraphSdl!, maxDifferences: 5);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.NotNull(SupergraphReader.Read(result.SupergraphSdl!));
    }

    [Theory]
    [InlineData("auth-on-interface")]
    [InlineData("auth-requires-missing")]
    [InlineData("list-size-invalid")]
    public void Rejects_what_apollo_rejects_with_the_same_codes(string graph)
    {
        var result = SupergraphComposer.Compose(ComposerParityTests.LoadGraph(graph));

        var expected = File.ReadAllLines(Path.Combine(GraphDirectory(graph), "apollo.errors.txt"))
            .Where(l => l.Length > 0).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal);
        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Errors.Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_authorization_reader_sees_the_merged_requirements()
    {
        var supergraph = SupergraphComposer.Compose(ComposerParityTests.LoadGraph("auth-merge")).SupergraphSdl!;

        var requirements = AuthorizationRequirementsReader.Read(supergraph);

        // Product's scopes in catalog ([catalog:read] or [admin]) and in inventory ([inventory:read]) must both hold.
        Assert.Equal("admin inventory:read | catalog:read inventory:read", Describe(requirements.ForType("Product")));
        Assert.True(requirements.ForField("Product", "sku").Authenticated);
        Assert.Equal("catalog:read inventory:read", Describe(requirements.ForField("Product", "name")));
        Assert.True(requirements.ForField("Product", "id").IsNone);
    }

    [Fact]
    public void The_authorization_reader_follows_renamed_directives_and_interfaces_take_their_implementations_requirements()
    {
        var renamed = AuthorizationRequirementsReader.Read(SupergraphComposer.Compose(ComposerParityTests.LoadGraph("auth-renamed")).SupergraphSdl!);
        var elements = AuthorizationRequirementsReader.Read(SupergraphComposer.Compose(ComposerParityTests.LoadGraph("auth-elements")).SupergraphSdl!);

        Assert.True(renamed.ForField("Query", "me").Authenticated);
        Assert.Equal("admin", Describe(renamed.ForField("Query", "admins")));
        Assert.Contains("owner", renamed.PolicyNames);
        Assert.True(elements.ForField("Contact", "email").Authenticated);
        Assert.Equal("users:read", Describe(elements.ForType("Contact")));
        Assert.Equal("finance", Describe(elements.ForType("Money")));
        Assert.True(elements.ForType("Tier").Authenticated);
    }

    [Fact]
    public void The_cost_reader_sees_the_merged_weights_and_list_sizes()
    {
        var weights = CostDirectives.Read(SupergraphComposer.Compose(ComposerParityTests.LoadGraph("cost-weights")).SupergraphSdl!);
        var sizes = CostDirectives.Read(SupergraphComposer.Compose(ComposerParityTests.LoadGraph("list-sizes")).SupergraphSdl!);
        var renamed = CostDirectives.Read(SupergraphComposer.Compose(ComposerParityTests.LoadGraph("auth-renamed")).SupergraphSdl!);

        Assert.Equal(6, weights.Weight("Product.name")); // 1 in catalog, 6 in search: the highest
        Assert.Equal(3, weights.Weight("Product"));
        Assert.Equal(2, weights.Weight("Query.products(limit)"));
        Assert.Equal(4, weights.Weight("ProductFilter.text"));
        Assert.Equal(2, weights.Weight("Price"));
        Assert.Equal(1, weights.Weight("Status"));
        Assert.Equal(20, sizes.ListSize("Query", "featured")!.AssumedSize); // 5 and 20: the highest
        Assert.Equal(["first", "limit"], sizes.ListSize("Query", "search")!.SlicingArguments);
        Assert.False(sizes.ListSize("Query", "search")!.RequireOneSlicingArgument);
        Assert.Equal(["edges", "nodes"], sizes.ListSize("Query", "productPage")!.SizedFields);
        Assert.Equal(4, renamed.Weight("Query.admins"));
        Assert.Equal(3, renamed.ListSize("Query", "admins")!.AssumedSize);
    }

    public static TheoryData<string, SubgraphSource[], string, string> Errors() => new()
    {
        {
            "names differ between subgraphs",
            [Fed29("a", "type Query { a: Int @p(policies: [[\"x\"]]) }", "{name: \"@policy\", as: \"@p\"}"), Fed29("b", "type Query { b: Int @policy(policies: [[\"y\"]]) }", "\"@policy\"")],
            ErrorCodes.LinkImportNameMismatch, "imported as \"@p\" in subgraph \"a\" but \"@policy\" in subgraph \"b\"."
        },
        { "cost on an interface", [Fed29("a", "type Query { n: N } interface N @cost(weight: 1) { id: ID }", "\"@cost\"")], ErrorCodes.InvalidGraphQL, "Directive \"@cost\" may not be used on INTERFACE." },
        { "authenticated on an input", [Fed29("a", "type Query { a(i: I): Int } input I @authenticated { x: Int }", "\"@authenticated\"")], ErrorCodes.InvalidGraphQL, "Directive \"@authenticated\" may not be used on INPUT_OBJECT." },
        { "scopes not strings", [Fed29("a", "type Query { a: Int @requiresScopes(scopes: [[1]]) }", "\"@requiresScopes\"")], ErrorCodes.InvalidGraphQL, "argument \"scopes\" must be a [[String!]!]!" },
        { "policy before federation v2.6", [new SubgraphSource("a", "http://a", "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.5\", import: [\"@policy\"]) type Query { a: Int }")], ErrorCodes.InvalidLinkDirectiveUsage, "Cannot import unknown element \"@policy\". It was added in federation v2.6; this subgraph links v2.5." },
        { "Federation 1 has no authorization directives", [Fed1("a", "type Query { a: Int @authenticated }")], ErrorCodes.InvalidGraphQL, "Unknown directive \"@authenticated\" on Query.a." },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Reports_misuse_with_apollos_codes(string name, SubgraphSource[] subgraphs, string code, string message)
    {
        var result = SupergraphComposer.Compose(subgraphs);

        Assert.False(result.Succeeded, name);
        Assert.Contains(result.Errors, e => e.Code == code && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Differing_applications_are_merged_with_a_hint_and_identical_ones_kept_as_written()
    {
        var result = SupergraphComposer.Compose(ComposerParityTests.LoadGraph("policies"));
        var sizes = SupergraphComposer.Compose(ComposerParityTests.LoadGraph("list-sizes"));

        Assert.Contains(result.Hints, h => h.Code == HintCodes.MergedNonRepeatableDirectiveArguments && h.Element == "Account.owner");
        // Apollo's text for the same graph.
        Assert.Contains(sizes.Hints, h => h.Message == "Directive @listSize is applied to \"Query.featured\" in multiple subgraphs with different arguments. Merging strategies used by arguments: { \"assumedSize\": NULLABLE_MAX, \"slicingArguments\": NULLABLE_UNION, \"sizedFields\": NULLABLE_UNION, \"requireOneSlicingArgument\": NULLABLE_AND }");
        // Only in crm, kept in its order rather than normalized.
        Assert.Contains("@policy(policies: [[\"crm\"], [\"admin\"]])", result.SupergraphSdl, StringComparison.Ordinal);
    }

    private static string Describe(AuthorizationRequirement requirement) =>
        string.Join(" & ", requirement.Scopes.Select(dnf => string.Join(" | ", dnf.Select(alternative => string.Join(" ", alternative)))));

    private static string GraphDirectory(string graph) => Path.Combine(AppContext.BaseDirectory, "Composition", "Graphs", graph);
}
