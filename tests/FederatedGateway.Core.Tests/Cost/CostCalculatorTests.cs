using System.Text.Json;
using FederatedGateway.Core.Cost;
using FederatedGateway.Testing.Graphs;

namespace FederatedGateway.Core.Tests.Cost;

/// <summary>Estimates equal to values computed by hand from the cost rules (see <see cref="CostCalculator"/>), on <see cref="CostGraph"/>.</summary>
public sealed class CostCalculatorTests
{
    public static TheoryData<string, string, double> Operations => new()
    {
        // Scalars cost 0, objects 1.
        { "{ product(id: 1) { name } }", "{}", 1 },
        { "{ product(id: 1) { name price { amount } } }", "{}", 2 },
        // @cost on a type (Warehouse 3) and on a field (forecast 20).
        { "{ product(id: 1) { warehouse { city } } }", "{}", 1 + 3 },
        { "{ product(id: 1) { forecast } }", "{}", 1 + 20 },
        // A slicing argument sizes the list: first: 4 products, each 1.
        { "{ products(first: 4) { name } }", "{}", 4 },
        { "{ products(last: 2) { price { amount } } }", "{}", 2 * (1 + 1) },
        // The slicing argument from a variable.
        { "query($n: Int) { products(first: $n) { id } }", """{"n": 25}""", 25 },
        // A variable the request leaves out takes its declared default, as the subgraph will.
        { "query($n: Int = 6) { products(first: $n) { id } }", "{}", 6 },
        // Nested lists multiply: 3 products x (1 + 2 reviews x (1 + author 1)).
        { "{ products(first: 3) { reviews(first: 2) { body author { name } } } }", "{}", 3 * (1 + 2 * (1 + 1)) },
        // assumedSize when there is no slicing argument; the default list size (10) without @listSize.
        { "{ topProducts { id } }", "{}", 5 },
        { "{ anyProducts { id } }", "{}", 10 },
        { "{ topProducts { reviews(first: 3) { id } } }", "{}", 5 * (1 + 3) },
        // Abstract types: a union of Product | User counts the costlier fragment (Product: 1 + warehouse 3).
        { "{ search(text: \"x\") { ... on Product { warehouse { city } } ... on User { name } } }", "{}", 3 * (1 + 3) },
        { "{ node(id: 1) { id ... on Product { price { amount } } ... on Review { author { name } } } }", "{}", 1 + 1 },
        // sizedFields: the slicing argument sizes the edges, not the connection itself.
        { "{ catalog(first: 6) { total edges { node { name } } } }", "{}", 1 + 6 * (1 + 1) },
        // requireOneSlicingArgument: false, no argument given: the assumed size.
        { "{ browse { id } }", "{}", 7 },
        { "{ browse(first: 2, after: \"c\") { id } }", "{}", 2 },
        // Mutations cost 10; an input object argument 1; an argument's own @cost.
        { "mutation { review(input: { productId: 1 }) { id } }", "{}", 10 + 1 + 1 },
        { "mutation { audit(text: \"x\") }", "{}", 10 + 4 },
        // Fields skipped by a variable cost nothing; __typename costs nothing.
        { "query($s: Boolean!) { product(id: 1) { __typename warehouse @skip(if: $s) { city } } }", """{"s": true}""", 1 },
        // Aliases count each field they select.
        { "{ a: product(id: 1) { id } b: product(id: 2) { forecast } }", "{}", 1 + (1 + 20) },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Estimates_equal_the_hand_computed_cost(string query, string variables, double expected)
    {
        var values = JsonDocument.Parse(variables).RootElement;
        var prepared = await CostGraph.PrepareAsync(query, values);

        var estimate = CostGraph.Calculator().Estimate(prepared.Operation!, values, prepared.BooleanVariables);

        Assert.Equal(expected, estimate);
    }

    [Fact]
    public async Task A_list_that_requires_one_slicing_argument_refuses_none_and_two()
    {
        foreach (var query in new[] { "{ products { id } }", "{ products(first: 1, last: 1) { id } }" })
        {
            var prepared = await CostGraph.PrepareAsync(query);
            var failure = Assert.Throws<CostException>(() => CostGraph.Calculator().Estimate(prepared.Operation!, default, prepared.BooleanVariables));
            Assert.Contains("Query.products needs exactly one of its slicing arguments (first, last)", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_actual_cost_counts_the_lists_the_answer_holds()
    {
        var prepared = await CostGraph.PrepareAsync("{ products(first: 10) { reviews(first: 5) { id } warehouse { city } } }");
        var data = JsonDocument.Parse("""
            {"products": [
              {"reviews": [{"id": "r1"}, {"id": "r2"}], "warehouse": {"city": "Oslo"}},
              {"reviews": [], "warehouse": null}
            ]}
            """).RootElement;

        var actual = CostGraph.Calculator().Actual(prepared.Operation!, data, default, prepared.BooleanVariables);

        // Two products (1 each), two reviews (1 each), one warehouse (3): 2 + 2 + 3.
        Assert.Equal(7, actual);
    }

    [Fact]
    public void A_supergraph_without_cost_directives_has_none()
    {
        Assert.True(CostDirectives.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "demo", "supergraph.graphql"))).IsEmpty);
        Assert.Equal(20, CostDirectives.Read(CostGraph.Sdl).Weight("Product.forecast"));
    }
}
