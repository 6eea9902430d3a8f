namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>
/// A node of a query plan. The set is closed: <see cref="FetchNode"/> (a root fetch, or an entity fetch under a
/// <see cref="FlattenNode"/>), <see cref="SequenceNode"/>, <see cref="ParallelNode"/>, <see cref="ConditionNode"/>
/// and <see cref="SubscriptionNode"/>. Nodes are immutable; <c>QueryPlanPrinter</c> prints them as text and
/// <c>QueryPlanJson</c> as JSON.
/// </summary>
public abstract class PlanNode
{
    private protected PlanNode()
    {
    }
}
