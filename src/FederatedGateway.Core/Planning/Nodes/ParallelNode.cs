namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>Runs its nodes at the same time.</summary>
public sealed class ParallelNode : PlanNode
{
    public ParallelNode(IReadOnlyList<PlanNode> nodes)
    {
        Nodes = nodes;
    }

    public IReadOnlyList<PlanNode> Nodes { get; }
}
