namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>Runs its nodes one after the other.</summary>
public sealed class SequenceNode : PlanNode
{
    public SequenceNode(IReadOnlyList<PlanNode> nodes)
    {
        Nodes = nodes;
    }

    public IReadOnlyList<PlanNode> Nodes { get; }
}
