using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>One future fetch while planning: a subgraph, where its answer merges, what it selects and needs.</summary>
internal sealed class FetchGroup
{
    public FetchGroup(int id, string subgraph, IReadOnlyList<PathSegment> mergePath, bool isEntity, string rootType, FetchGroup? parent)
    {
        Id = id;
        Subgraph = subgraph;
        MergePath = mergePath;
        PathKey = new MergePathKey(mergePath);
        IsEntity = isEntity;
        Parent = parent;
        Selection = new FetchSelectionSet(isEntity ? "_Entity" : rootType);
    }

    public int Id { get; }

    public string Subgraph { get; }

    public IReadOnlyList<PathSegment> MergePath { get; }

    public MergePathKey PathKey { get; }

    public bool IsEntity { get; }

    public FetchGroup? Parent { get; }

    /// <summary>Root: the root-type selection. Entity: one fragment per entity type.</summary>
    public FetchSelectionSet Selection { get; }

    /// <summary>Entity only: per entity type, the representation's fields (keys and requires).</summary>
    public Dictionary<string, (string? RepresentationTypename, FetchSelectionSet Fields)> Requirements { get; } = new(StringComparer.Ordinal);

    public List<string> RequirementOrder { get; } = new();

    public HashSet<FetchGroup> DependsOn { get; } = new();

    /// <summary>The <c>@skip</c>/<c>@include</c> it was created under: shared only by jumps made under the same ones.</summary>
    public ConditionScope ConditionScope { get; init; } = ConditionScope.None;

    public List<FetchGroup> Children { get; } = new();

    /// <summary>True while a requirement of this group is being planned (it must not receive itself as a dependency).</summary>
    public bool PlanningRequirements { get; set; }

    public FetchSelectionSet RequirementFor(string entityType, string? representationTypename)
    {
        if (!Requirements.TryGetValue(entityType, out var entry))
        {
            entry = (representationTypename, new FetchSelectionSet(entityType));
            Requirements[entityType] = entry;
            RequirementOrder.Add(entityType);
        }

        return entry.Fields;
    }
}
