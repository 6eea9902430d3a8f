using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>
/// Issue 14, classes A–E at the planner: client response names never meet the names of fields the planner adds
/// (keys, <c>@requires</c>, <c>__typename</c>) in a subgraph document or in a representation, at any depth, and
/// entity fetches from different paths share a request only when their selections merge.
/// </summary>
public sealed class AliasCollisionTests
{
    private static readonly FederatedSchema Schema =
        SupergraphReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "bench", "supergraph.graphql")));

    private static async Task<PreparedOperation> Plan(string query, string variables = "{}")
    {
        var preparer = new OperationPreparer(Schema, ApiSchemaFactory.Create(Schema, ApiSchemaPrinter.Print(Schema)));
        using var vars = System.Text.Json.JsonDocument.Parse(variables);
        var result = await preparer.PrepareAsync(query, null, vars.RootElement, CancellationToken.None);
        Assert.True(result.IsSuccess, string.Join("\n", result.Errors.Select(e => e.Message)));
        PlanSoundness.Check(Schema, result.Operation!);
        return result.Operation!;
    }

    private static List<FetchNode> Fetches(PlanNode? node)
    {
        var list = new List<FetchNode>();
        void Walk(PlanNode? n)
        {
            switch (n)
            {
                case FetchNode f: list.Add(f); break;
                case FlattenNode f: Walk(f.Node); break;
                case SequenceNode s: s.Nodes.ToList().ForEach(Walk); break;
                case ParallelNode p: p.Nodes.ToList().ForEach(Walk); break;
                case ConditionNode c: Walk(c.IfClause); Walk(c.ElseClause); break;
            }
        }

        Walk(node);
        return list;
    }

    /// <summary>Every key the client's fields are merged under (their data keys), with the field each stands for.</summary>
    private static Dictionary<string, HashSet<string>> ClientNames(SelectionSet set, Dictionary<string, HashSet<string>>? names = null)
    {
        names ??= new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldSelection f:
                    var dataKey = InternalAlias.DataKey(f.ResponseName, f.Name);
                    if (!names.TryGetValue(dataKey, out var meanings))
                    {
                        meanings = new HashSet<string>(StringComparer.Ordinal);
                        names[dataKey] = meanings;
                    }

                    meanings.Add(f.Name + (f.Arguments is { Items.Count: > 0 } ? "(...)" : string.Empty));
                    if (f.SelectionSet is not null) ClientNames(f.SelectionSet, names);
                    break;
                case InlineFragmentSelection fragment:
                    ClientNames(fragment.SelectionSet, names);
                    break;
            }
        }

        return names;
    }

    /// <summary>
    /// The representation fields each entity fetch reads from the merged data: under a name the client uses only
    /// for that very field, or under one the client cannot use.
    /// </summary>
    private static void AssertRequirementsReadTheirOwnFields(PreparedOperation operation)
    {
        var client = ClientNames(operation.RootSelection);
        foreach (var fetch in Fetches(operation.Plan.Root).Where(f => f.IsEntityFetch))
        {
            foreach (var requirement in fetch.Requirements)
            {
                foreach (var field in requirement.Fields.Selections.OfType<FieldSelection>().Where(f => !f.IsTypename))
                {
                    if (client.TryGetValue(field.ResponseName, out var meanings))
                    {
                        Assert.True(
                            meanings.SetEquals(new[] { field.Name }) && field.ResponseName == field.Name,
                            $"{fetch.ServiceName} reads its {requirement.TypeCondition}.{field.Name} from \"{field.ResponseName}\", which the client uses for {string.Join(", ", meanings)}");
                    }
                    else
                    {
                        Assert.True(field.ResponseName == field.Name || field.ResponseName.StartsWith(InternalAlias.Prefix, StringComparison.Ordinal), field.ResponseName);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("{ me { id: username reviews { id } } }")]
    [InlineData("{ topProducts(first: 2) { reviews { id } upc: weight } }")]
    [InlineData("{ me { reviews { author { id: reviews { id } name } } } }")]
    [InlineData("{ users { id: name reviews { product { upc: name weight: inStock price: shippingEstimate } } } }")]
    public async Task A_a_client_alias_never_takes_the_name_a_key_is_read_from(string query) =>
        AssertRequirementsReadTheirOwnFields(await Plan(query));

    [Theory]
    [InlineData("{ topProducts(first: 1) { price: name shippingEstimate } }")]
    [InlineData("{ topProducts { weight: upc price: name shippingEstimate } }")]
    public async Task B_a_client_alias_never_takes_the_name_a_required_field_is_read_from(string query) =>
        AssertRequirementsReadTheirOwnFields(await Plan(query));

    [Fact]
    public async Task C_a_conditional_alias_and_the_unconditional_requirement_are_fetched_apart()
    {
        var operation = await Plan("query($v: Boolean!) { topProducts(first: 1) { price: name @skip(if: $v) shippingEstimate } }", """{"v":true}""");
        AssertRequirementsReadTheirOwnFields(operation);
        var products = Fetches(operation.Plan.Root).Single(f => f.ServiceName == "products");
        Assert.Contains("price: name @skip(if: $v)", products.Operation);
        Assert.Contains("__fgw_p_price: price", products.Operation);
    }

    [Fact]
    public async Task D_a_field_aliased_typename_is_fetched_under_an_escaped_name_and_the_runtime_type_plainly()
    {
        var operation = await Plan("{ me { __typename: name reviews { id } } }");
        var accounts = Fetches(operation.Plan.Root).Single(f => f.ServiceName == "accounts");
        Assert.Contains("__fgw_c___typename: name", accounts.Operation);
        Assert.Contains(" __typename", accounts.Operation);
    }

    [Fact]
    public async Task Client_aliases_in_the_gateways_namespace_are_escaped_so_no_name_the_gateway_makes_up_equals_them()
    {
        var operation = await Plan("{ me { __fgw_p_id: name id: username reviews { id } } }");
        var accounts = Fetches(operation.Plan.Root).Single(f => f.ServiceName == "accounts").Operation;
        Assert.Contains("__fgw_c___fgw_p_id: name", accounts);
        Assert.Contains("__fgw_p_id: id", accounts);
        AssertRequirementsReadTheirOwnFields(operation);
    }

    [Fact]
    public async Task Keys_keep_their_plain_name_when_no_client_name_collides_so_nothing_is_fetched_twice()
    {
        var operation = await Plan("{ me { id name reviews { id body } } }");
        var accounts = Fetches(operation.Plan.Root).Single(f => f.ServiceName == "accounts").Operation;
        Assert.DoesNotContain(InternalAlias.Prefix, accounts);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(accounts, @"\bid\b"));
    }

    [Fact]
    public async Task E_entity_fetches_from_two_paths_whose_selections_conflict_are_not_merged_into_one_request()
    {
        var operation = await Plan("{ me { reviews { id } } topProducts(first: 1) { reviews { id: body } } }");
        var reviews = Fetches(operation.Plan.Root).Where(f => f.ServiceName == "reviews").ToList();
        Assert.Equal(2, reviews.Count);
    }

    [Fact]
    public async Task E_entity_fetches_from_two_paths_that_agree_still_share_one_request()
    {
        var operation = await Plan("{ me { reviews { id } } topProducts(first: 1) { reviews { id body } } }");
        Assert.Single(Fetches(operation.Plan.Root), f => f.ServiceName == "reviews");
    }
}
