namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>
/// Runs an entity <see cref="FetchNode"/> for the objects found at <see cref="Path"/> in the merged data,
/// and merges each answer back into the object it came from.
/// </summary>
public sealed class FlattenNode : PlanNode
{
    public FlattenNode(IReadOnlyList<PathSegment> path, FetchNode node)
    {
        Path = path;
        Node = node;
    }

    public IReadOnlyList<PathSegment> Path { get; }

    public FetchNode Node { get; }
}
