using System.Text.Json.Nodes;
using FederatedGateway.DifferentialTests.Bench;
using FederatedGateway.Testing.Generation;
using Xunit.Abstractions;

namespace FederatedGateway.DifferentialTests;

/// <summary>
/// Issue 14's defect classes on the benchmark graph, end to end against real subgraphs: client aliases that take
/// the names of key fields (A), <c>@requires</c> fields (B, C with a variable condition) and <c>__typename</c> (D),
/// entity fetches from different paths whose selections conflict (E) and variables (G). Each answer is checked against the
/// monolith and, where the issue gave one, against the value each subgraph's own data says.
/// </summary>
public sealed class BenchAliasTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private Hosting.SubgraphServers? _host;
    private DifferentialRunner? _runner;

    public BenchAliasTests(ITestOutputHelper output) => _output = output;

    internal static SampleArguments Samples { get; } = new SampleArguments()
        .Add("Query.user.id", "\"1\"", "\"3\"", "\"404\"")
        .Add("Query.topProducts.first", "1", "2", "4");

    public async Task InitializeAsync()
    {
        _host = await BenchSubgraphs.StartAsync();
        _runner = new DifferentialRunner(await File.ReadAllTextAsync(BenchSubgraphs.SupergraphPath), _host.Urls, Samples, maxDepth: 4);
    }

    public async Task DisposeAsync()
    {
        _runner?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("A: alias equal to the key of the next fetch", "{ me { id: username reviews { id } } }", "{}")]
    [InlineData("A: alias equal to the key, on a list", "{ topProducts(first: 2) { reviews { id } upc: weight } }", "{}")]
    [InlineData("A: alias equal to the key, nested under the entity fetch", "{ me { reviews { author { id: reviews { id } name } } } }", "{}")]
    [InlineData("A: the key aliased and asked for plainly", "{ me { id: name key: id reviews { id } } }", "{}")]
    [InlineData("B: alias equal to a @requires field", "{ topProducts(first: 1) { price: name shippingEstimate } }", "{}")]
    [InlineData("B: every @requires field taken", "{ topProducts(first: 3) { weight: upc price: name shippingEstimate upc: inStock } }", "{}")]
    [InlineData("C: aliased @requires field under a true @skip", "query($v: Boolean!) { topProducts(first: 1) { price: name @skip(if: $v) shippingEstimate } }", "{\"v\":true}")]
    [InlineData("C: aliased @requires field under a false @skip", "query($v: Boolean!) { topProducts(first: 1) { price: name @skip(if: $v) shippingEstimate } }", "{\"v\":false}")]
    [InlineData("D: __typename aliased to another field", "{ me { __typename: name reviews { id } } }", "{}")]
    [InlineData("D: __typename aliased at several depths", "{ topProducts(first: 2) { __typename: name reviews { __typename: body author { __typename: username id } } } }", "{}")]
    [InlineData("prefix: a client alias in the gateway's own namespace", "{ me { __fgw_p_id: name __fgw_c___typename: username reviews { id } } }", "{}")]
    [InlineData("E: one subgraph, two paths, one response name for different fields", "{ me { reviews { id } } topProducts(first: 1) { reviews { id: body } } }", "{}")]
    [InlineData("E: and the same at the key's name", "{ users { reviews { upc: body } } topProducts(first: 2) { reviews { upc: id } } }", "{}")]
    [InlineData("G: an omitted variable takes its default", "query($n: Int = 2) { topProducts(first: $n) { name } }", "{}")]
    [InlineData("G: a given variable overrides its default", "query($n: Int = 2) { topProducts(first: $n) { name } }", "{\"n\":1}")]
    [InlineData("G: a nullable variable omitted where the argument has a default", "query($n: Int) { topProducts(first: $n) { name } }", "{}")]
    [InlineData("G: a nullable condition with a default, omitted", "query($b: Boolean = false) { me @include(if: $b) { name } topProducts(first: 1) { name } }", "{}")]
    public async Task Gateway_answers_like_the_monolith(string what, string query, string variables)
    {
        var mismatch = await _runner!.CompareAsync(query, JsonNode.Parse(variables)!.AsObject());
        if (mismatch is not null)
        {
            _output.WriteLine(mismatch);
        }

        Assert.True(mismatch is null, what + "\n" + mismatch);
    }

    [Fact]
    public async Task A_an_alias_named_like_the_key_keeps_the_clients_value()
    {
        var data = await Data("{ me { id: username reviews { id } } }");
        Assert.Equal("urigo", (string?)data["me"]!["id"]);
        Assert.Equal(3, data["me"]!["reviews"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_an_alias_named_like_the_key_does_not_replace_the_key_sent_on()
    {
        var data = await Data("{ topProducts(first: 2) { reviews { id } upc: weight } }");
        var products = data["topProducts"]!.AsArray();
        Assert.Equal(new int?[] { 100, 1000 }, products.Select(p => (int?)p!["upc"]));
        Assert.All(products, p => Assert.Equal(4, p!["reviews"]!.AsArray().Count));
    }

    [Fact]
    public async Task B_an_alias_named_like_a_required_field_keeps_the_clients_value_and_the_requirement_its_own()
    {
        var data = await Data("{ topProducts(first: 2) { price: name shippingEstimate } }");
        var products = data["topProducts"]!.AsArray();
        Assert.Equal(new[] { "Table", "Couch" }, products.Select(p => (string?)p!["price"]));
        Assert.Equal(new int?[] { 50, 0 }, products.Select(p => (int?)p!["shippingEstimate"]));
    }

    [Fact]
    public async Task D_typename_aliased_to_a_field_is_that_field_and_the_entity_fetch_still_runs()
    {
        var data = await Data("{ me { __typename: name reviews { id } } }");
        Assert.Equal("Uri Goldshtein", (string?)data["me"]!["__typename"]);
        Assert.Equal(new[] { "1", "4", "6" }, data["me"]!["reviews"]!.AsArray().Select(r => (string?)r!["id"]));
    }

    [Theory]
    [InlineData("query($n: String!) { topProducts(first: $n) { name } }", "{\"n\":\"1\"}")]
    [InlineData("query($id: ID) { user(id: $id) { name } }", "{\"id\":\"1\"}")]
    [InlineData("query($id: Int!) { user(id: $id) { name } }", "{\"id\":1}")]
    public async Task G_a_variable_of_another_type_than_its_position_is_refused(string query, string variables)
    {
        var response = await _runner!.GatewayAsync(query, JsonNode.Parse(variables)!.AsObject());
        Assert.Null(response["data"]);
        Assert.True(response["errors"]!.AsArray().Count == 1, response.ToJsonString());
        var error = response["errors"]![0];
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (string?)error!["extensions"]!["code"]);
        Assert.Contains("used in position expecting type", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task G_explicit_null_for_a_defaulted_condition_is_bad_user_input()
    {
        var response = await _runner!.GatewayAsync("query($b: Boolean = true) { me @include(if: $b) { name } }", new JsonObject { ["b"] = null });
        Assert.Null(response["data"]);
        var error = Assert.Single(response["errors"]!.AsArray());
        Assert.Equal("BAD_USER_INPUT", (string?)error!["extensions"]!["code"]);
        Assert.Contains("\"$b\" is null", (string?)error["message"], StringComparison.Ordinal);
        Assert.Contains("@include", (string?)error["message"], StringComparison.Ordinal);
    }

    private async Task<JsonObject> Data(string query)
    {
        var response = await _runner!.GatewayAsync(query, new JsonObject());
        Assert.True(response["errors"] is null, response.ToJsonString());
        return response["data"]!.AsObject();
    }
}
