using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Tests.Planning;

/// <summary>A subscription's plan is a subscription node: the subscription fetch, and the rest that runs per event.</summary>
public sealed class SubscriptionNodeTests
{
    private static readonly GatewaySnapshot Demo = GatewaySnapshot.Build(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "demo", "supergraph.graphql")), new NoClient());

    [Fact]
    public async Task The_primary_fetch_subscribes_to_the_owning_subgraph_and_the_entity_fetches_run_per_event()
    {
        var plan = Assert.IsType<SubscriptionNode>((await PlanAsync("subscription { orderStatusChanged { id trader { name } instrument { lastPrice } } }")).Root);

        Assert.Equal("orders", plan.Primary.ServiceName);
        Assert.Equal(OperationKind.Subscription, plan.Primary.OperationKind);
        Assert.StartsWith("subscription", plan.Primary.Operation, StringComparison.Ordinal);
        var parallel = Assert.IsType<ParallelNode>(plan.Rest);
        Assert.All(parallel.Nodes, node => Assert.Equal(OperationKind.Query, Assert.IsType<FlattenNode>(node).Node.OperationKind));
    }

    [Fact]
    public async Task A_subscription_its_subgraph_resolves_alone_has_no_rest()
    {
        var plan = Assert.IsType<SubscriptionNode>((await PlanAsync("subscription { orderStatusChanged(orderId: \"o-1\") { id status } }")).Root);

        Assert.Null(plan.Rest);
    }

    [Fact]
    public async Task Query_and_mutation_plans_have_no_subscription_node()
    {
        Assert.IsType<SequenceNode>((await PlanAsync("{ orders { id trader { name } } }")).Root);
        Assert.IsType<FetchNode>((await PlanAsync("mutation { cancelOrder(id: \"x\") { id } }")).Root);
    }

    private static async Task<QueryPlan> PlanAsync(string query)
    {
        var prepared = await Demo.Preparer.PrepareAsync(query, null, default, CancellationToken.None);
        Assert.True(prepared.IsSuccess, string.Join("; ", prepared.Errors.Select(e => e.Message)));
        return prepared.Operation!.Plan;
    }

    private sealed class NoClient : ISubgraphClient
    {
        public ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(SubgraphResponse.Failed("not used", "TEST"));
    }
}
