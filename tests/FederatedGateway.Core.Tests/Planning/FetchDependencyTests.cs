using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Testing.Graphs;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>
/// Every fetch of a plan is numbered and names the fetches it needs (<see cref="FetchNode.DependsOn"/>): only its own
/// parents, not everything in the step before it, so an executor can start it as soon as they are done.
/// </summary>
public sealed class FetchDependencyTests
{
    private static readonly FederatedSchema Schema = SupergraphReader.Read(TwoBranchGraph.Supergraph);

    private static async Task<QueryPlan> Plan(string query)
    {
        var preparer = new OperationPreparer(Schema, ApiSchemaFactory.Create(Schema, ApiSchemaPrinter.Print(Schema)));
        using var vars = System.Text.Json.JsonDocument.Parse("{}");
        var result = await preparer.PrepareAsync(query, null, vars.RootElement, CancellationToken.None);
        Assert.True(result.IsSuccess, string.Join("\n", result.Errors.Select(e => e.Message)));
        PlanSoundness.Check(Schema, result.Operation!);
        return result.Operation!.Plan;
    }

    private static List<FetchNode> Fetches(PlanNode? node, List<FetchNode>? into = null)
    {
        into ??= new List<FetchNode>();
        switch (node)
        {
            case FetchNode fetch:
                into.Add(fetch);
                break;
            case FlattenNode flatten:
                into.Add(flatten.Node);
                break;
            case SequenceNode sequence:
                sequence.Nodes.ToList().ForEach(n => Fetches(n, into));
                break;
            case ParallelNode parallel:
                parallel.Nodes.ToList().ForEach(n => Fetches(n, into));
                break;
            case ConditionNode condition:
                Fetches(condition.IfClause, into);
                Fetches(condition.ElseClause, into);
                break;
            case SubscriptionNode subscription:
                Fetches(subscription.Primary, into);
                Fetches(subscription.Rest, into);
                break;
        }

        return into;
    }

    [Fact]
    public async Task A_fetch_depends_on_its_own_parent_only_not_on_the_other_branch()
    {
        var fetches = Fetches((await Plan(TwoBranchGraph.Query)).Root);

        Assert.Equal(new[] { "r", "s", "u", "t" }, fetches.Select(f => f.ServiceName));
        Assert.Equal(new[] { 1, 2, 3, 4 }, fetches.Select(f => f.Id));
        var byService = fetches.ToDictionary(f => f.ServiceName);
        Assert.Empty(byService["r"].DependsOn);
        Assert.Equal(new[] { 1 }, byService["s"].DependsOn);
        Assert.Equal(new[] { 1 }, byService["u"].DependsOn);
        // The level-by-level plan runs "t" after "u" too; its dependencies say it needs "s" alone.
        Assert.Equal(new[] { 2 }, byService["t"].DependsOn);
    }

    [Fact]
    public async Task The_json_form_carries_ids_and_dependencies()
    {
        var json = System.Text.Encoding.UTF8.GetString(QueryPlanJson.ToUtf8(await Plan(TwoBranchGraph.Query), QueryPlanJson.CompactOptions));

        Assert.Contains("\"kind\":\"entityFetch\",\"id\":4,\"dependsOn\":[2],\"serviceName\":\"t\"", json);
        Assert.Contains("\"kind\":\"fetch\",\"id\":1,\"dependsOn\":[],\"serviceName\":\"r\"", json);
    }
}
