using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// Where the planner stands while it walks the client's selection: the fetch group being filled, the selection inside
/// it that receives the next fields, the type that selection is on, the response path down to it, and what the parent
/// field's <c>@provides</c> lets the group's subgraph return without a jump.
/// </summary>
internal readonly record struct PlanPosition(FetchGroup Group, FetchSelectionSet Target, string ParentType, List<PathSegment> Path, SelectionSet? Provided)
{
    public string Subgraph => Group.Subgraph;

    /// <summary>The start of a group: its own selection, at the group's root, nothing provided.</summary>
    public static PlanPosition RootOf(FetchGroup group, string parentType, List<PathSegment> path) =>
        new(group, group.Selection, parentType, path, null);

    /// <summary>The same place, with fields going into <paramref name="target"/> (a fragment of the current target).</summary>
    public PlanPosition Into(FetchSelectionSet target) => this with { Target = target };

    /// <summary>One concrete type of an abstract position: its fragment, the path narrowed to that type.</summary>
    public PlanPosition AsConcrete(FetchSelectionSet fragment, string concreteType) =>
        this with { Target = fragment, ParentType = concreteType, Path = PlanPaths.With(Path, PathSegment.TypeFilter(concreteType)) };
}
