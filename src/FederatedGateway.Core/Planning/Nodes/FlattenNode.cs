namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>
/// Runs an entity <see cref="FetchNode"/> for the objects found at <see cref="Paths"/> in the merged data,
/// and merges each answer back into the object it came from. Objects from several paths that need the same
/// fetch travel in one request (one <c>_entities</c> call, each distinct representation once).
/// </summary>
public sealed class FlattenNode : PlanNode
{
    public FlattenNode(IReadOnlyList<PathSegment> path, FetchNode node)
        : this(new[] { path }, node)
    {
    }

    public FlattenNode(IReadOnlyList<IReadOnlyList<PathSegment>> paths, FetchNode node)
    {
        if (paths.Count == 0)
        {
            throw new ArgumentException("A flatten node needs at least one path.", nameof(paths));
        }

        Paths = paths;
        Node = node;
    }

    public IReadOnlyList<IReadOnlyList<PathSegment>> Paths { get; }

    public FetchNode Node { get; }
}
