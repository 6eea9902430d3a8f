namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>
/// A node of a query plan. The set is closed: <see cref="FetchNode"/>, <see cref="FlattenNode"/>,
/// <see cref="SequenceNode"/>, <see cref="ParallelNode"/>, <see cref="ConditionNode"/>.
/// </summary>
public abstract class PlanNode
{
    private protected PlanNode()
    {
    }
}
