using System.Collections.Immutable;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Planning.Selections;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>The soundness check, which reads plans by their structure, rejects plans that are wrong.</summary>
public sealed class PlanSoundnessTests
{
    private static readonly FederatedSchema Demo =
        SupergraphReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "demo", "supergraph.graphql")));

    [Fact]
    public async Task A_fetch_to_a_subgraph_that_does_not_declare_its_field_is_unsound()
    {
        var operation = await PrepareAsync("{ me { name } }");
        var fetch = Assert.IsType<FetchNode>(operation.Plan.Root);
        var moved = new FetchNode("orders", fetch.OperationKind, fetch.OperationName, fetch.Variables, fetch.Requirements, fetch.SelectionSet);

        PlanSoundness.Check(Demo, operation);
        var failure = Assert.ThrowsAny<Exception>(() => PlanSoundness.Check(Demo, With(operation, moved)));
        Assert.Contains("orders does not declare Query.me", failure.Message);
    }

    [Fact]
    public async Task A_plan_that_fetches_no_subgraph_for_a_client_field_is_unsound()
    {
        var operation = await PrepareAsync("{ me { name desk } }");
        var fetch = Assert.IsType<FetchNode>(operation.Plan.Root);
        var me = Assert.IsType<PlanField>(Assert.Single(fetch.SelectionSet.Selections));
        var withoutDesk = me.SelectionSet!.Selections.Where(s => s is not PlanField { Name: "desk" }).ToImmutableArray();
        var narrowed = new PlanSelectionSet(fetch.SelectionSet.ParentType, [new PlanField(me.Name, me.Alias, me.Arguments, me.Conditions, new PlanSelectionSet(me.SelectionSet.ParentType, withoutDesk))]);
        var missing = new FetchNode(fetch.ServiceName, fetch.OperationKind, fetch.OperationName, fetch.Variables, fetch.Requirements, narrowed);

        var failure = Assert.ThrowsAny<Exception>(() => PlanSoundness.Check(Demo, With(operation, missing)));
        Assert.Contains("No fetch selects the client's field desk", failure.Message);
    }

    private static PreparedOperation With(PreparedOperation operation, PlanNode root) =>
        new(operation.Kind, operation.Name, operation.RootType, operation.RootSelection, operation.Variables, operation.Document, operation.Definition, new QueryPlan(root));

    private static async Task<PreparedOperation> PrepareAsync(string query)
    {
        var preparer = new OperationPreparer(Demo, ApiSchemaFactory.Create(Demo, ApiSchemaPrinter.Print(Demo)));
        var result = await preparer.PrepareAsync(query, null, default, CancellationToken.None);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Operation!;
    }
}
