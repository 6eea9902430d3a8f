using System.Text.Json;
using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>
/// The spec's All Variable Usages Are Allowed as <c>VariableUsageValidator</c> implements it (issue 14, class G), and
/// the coercion of explicit nulls and omitted variables that flow into non-null positions.
/// </summary>
public sealed class VariableUsageTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "Int! where ID! is expected", "query($id: Int!) { item(id: $id) { name } }" },
        { "nullable without default into non-null", "query($id: ID) { item(id: $id) { name } }" },
        { "nullable with a null default into non-null", "query($id: ID = null) { item(id: $id) { name } }" },
        { "Float! where Int! is expected in a nested input object", "query($a: Float!) { items(filter: { range: { min: $a, max: 2 } }) { id } }" },
        { "list where a scalar is expected", "query($n: [Int]) { count(n: $n) }" },
        { "scalar where a list is expected", "query($ids: ID!) { items(ids: $ids) { id } }" },
        { "nullable items into non-null items", "query($ids: [ID]) { items(ids: $ids) { id } }" },
        { "list nesting too shallow", "query($rows: [Int!]!) { matrix(rows: $rows) }" },
        { "nullable inner list into non-null inner list", "query($rows: [[Int!]]!) { matrix(rows: $rows) }" },
        { "nullable variable as a list item", "query($id: ID) { items(ids: [$id]) { id } }" },
        { "input-object field nested in a list", "query($x: String) { items(filter: { ids: [], nested: [], range: { min: 1, max: 2, tags: [$x] } }) { id } }" },
        { "nullable Boolean into @include without default", "query($b: Boolean) { count @include(if: $b) }" },
        { "inside a fragment", "query($id: Int!) { ...F } fragment F on Query { item(id: $id) { id } }" },
        { "in a directive inside a fragment", "query($b: String!) { ...F } fragment F on Query { count @skip(if: $b) }" },
    };

    public static TheoryData<string, string> Allowed => new()
    {
        { "same type", "query($id: ID!) { item(id: $id) { name } }" },
        { "non-null into nullable", "query($n: Int!) { count(n: $n) }" },
        { "nullable with a non-null default into non-null", "query($id: ID = \"1\") { item(id: $id) { name } }" },
        { "nullable into an argument with a default", "query($first: Int) { items(first: $first) { id } }" },
        { "nullable into an input field with a default", "query($s: Int) { items(filter: { ids: [], nested: [], range: { min: 1, max: 2, step: $s } }) { id } }" },
        { "non-null items into nullable items", "query($rows: [[Int!]!]!) { matrix(rows: $rows) }" },
        { "Boolean with default into @include", "query($b: Boolean = true) { count @include(if: $b) }" },
        { "list items of the right type", "query($id: ID!) { items(ids: [$id, \"2\"]) { id } }" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void UsagesThatAreNotAllowedAreRefused(string description, string query)
    {
        var (errors, _) = VariableUsageSchema.Validate(query);
        var error = Assert.Single(errors);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.Code);
        Assert.Contains("used in position expecting type", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Locations.Count);
        Assert.NotEmpty(description);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void UsagesThatAreAllowedPass(string description, string query)
    {
        var (errors, _) = VariableUsageSchema.Validate(query);
        Assert.True(errors.Count == 0, description + ": " + string.Join("; ", errors.Select(e => e.Message)));
    }

    [Fact]
    public void ErrorNamesBothTypesAndTheLocation()
    {
        var (errors, _) = VariableUsageSchema.Validate("query($a: Float!, $b: Int!) {\n  items(filter: { range: { min: $a, max: $b } }) { id } }");
        Assert.Equal(2, errors.Count);
        Assert.Equal("Variable \"$a\" of type \"Float!\" used in position expecting type \"Int!\" (field \"min\" of Range in field \"range\" of Filter in argument \"filter\" of items).", errors[0].Message);
        Assert.Equal(new[] { (1, 7), (2, 33) }, errors[0].Locations);
    }

    [Fact]
    public void NullableVariablesInNonNullPositionsAreKeptForCoercion()
    {
        var (_, kept) = VariableUsageSchema.Validate("query($b: Boolean = true, $first: Int, $n: Int) { count(n: $n) @include(if: $b) items(first: $first) { id } }");
        Assert.Equal(new[] { "b", "first" }, kept.Select(k => k.Variable).Order().ToArray());
    }

    [Fact]
    public async Task Class_G_Int_variable_for_an_ID_argument_is_refused()
    {
        var result = await DemoPreparer.Create().PrepareAsync("query($id: Int!) { trader(id: $id) { name } }");
        var error = Assert.Single(result.Errors);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.Code);
        Assert.Equal("Variable \"$id\" of type \"Int!\" used in position expecting type \"ID!\" (argument \"id\" of trader).", error.Message);
    }

    [Fact]
    public async Task Class_G_Int_and_Float_swapped_in_an_input_object_are_refused()
    {
        const string Mutation = """
            mutation($q: Float!, $p: Int!) {
              placeOrder(input: { traderId: "t1", symbol: "ACME", side: BUY, quantity: $q, limitPrice: $p }) { id }
            }
            """;
        var result = await DemoPreparer.Create().PrepareAsync(Mutation);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("GRAPHQL_VALIDATION_FAILED", e.Code));
        Assert.Contains("\"$q\" of type \"Float!\" used in position expecting type \"Int!\"", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"$p\" of type \"Int!\" used in position expecting type \"Float!\"", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Class_G_explicit_null_for_a_defaulted_variable_in_include_is_bad_user_input()
    {
        var result = await Prepare("query($b: Boolean = true) { me @include(if: $b) { name } }", """{"b": null}""");
        var error = Assert.Single(result.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Equal(
            "Variable \"$b\" is null, but it is used where a non-null value is required (argument \"if\" of @include); a default applies only when the variable is omitted.",
            error.Message);
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"b": false}""", false)]
    [InlineData("""{"b": true}""", true)]
    public async Task An_omitted_variable_takes_its_default(string variables, bool expected)
    {
        var result = await Prepare("query($b: Boolean = true) { me @include(if: $b) { name } }", variables);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(expected, result.BooleanVariables["b"]);
    }

    [Fact]
    public async Task Explicit_null_in_a_nullable_position_is_accepted()
    {
        var result = await Prepare("query($b: Boolean = true, $s: OrderStatus = FILLED) { orders(status: $s) @include(if: $b) { id } }", """{"s": null}""");
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    private static Task<PrepareResult> Prepare(string query, string variables)
    {
        using var json = JsonDocument.Parse(variables);
        return DemoPreparer.Create().PrepareAsync(query, null, json.RootElement.Clone(), CancellationToken.None).AsTask();
    }
}
