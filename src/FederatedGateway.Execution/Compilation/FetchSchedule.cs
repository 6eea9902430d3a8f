using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Execution.Compilation;

/// <summary>
/// A plan's fetches as a dependency graph: each unit (a fetch, a flatten, or a condition around one) starts as soon as
/// the units it depends on (<see cref="FetchNode.DependsOn"/>) are done, rather than when the whole previous step of
/// the plan's sequence is. Made once per compiled operation; null for plans it cannot describe (nodes not numbered by
/// the planner, or a shape other than sequences and parallels of fetches), which then run as their tree says.
/// </summary>
public sealed class FetchSchedule
{
    private FetchSchedule(PlanNode[] units, int[][] dependencies)
    {
        Units = units;
        Dependencies = dependencies;
    }

    /// <summary>The units in plan order (every unit's dependencies come before it).</summary>
    public IReadOnlyList<PlanNode> Units { get; }

    /// <summary>Per unit, the indexes (into <see cref="Units"/>) of the units it waits for.</summary>
    public IReadOnlyList<int[]> Dependencies { get; }

    /// <summary>
    /// The schedule of <paramref name="node"/>, or null when running it as a tree is the same (fewer than three
    /// units) or it cannot be described. Dependencies on fetches outside the node (a subscription's primary fetch) count as met.
    /// </summary>
    public static FetchSchedule? For(PlanNode node)
    {
        var units = new List<PlanNode>();
        var ids = new List<FetchNode>();
        if (!CollectUnits(node, units, ids) || units.Count < 3)
        {
            return null;
        }

        var index = new Dictionary<int, int>(units.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i].Id <= 0 || !index.TryAdd(ids[i].Id, i))
            {
                return null;
            }
        }

        var dependencies = new int[units.Count][];
        for (var i = 0; i < units.Count; i++)
        {
            var mine = new List<int>();
            foreach (var id in ids[i].DependsOn)
            {
                if (!index.TryGetValue(id, out var unit))
                {
                    continue;
                }

                if (unit >= i)
                {
                    // A dependency later in the plan than its dependent: not a plan this schedule understands.
                    return null;
                }

                mine.Add(unit);
            }

            dependencies[i] = mine.ToArray();
        }

        return new FetchSchedule(units.ToArray(), dependencies);
    }

    private static bool CollectUnits(PlanNode node, List<PlanNode> units, List<FetchNode> fetches)
    {
        switch (node)
        {
            case SequenceNode sequence:
                foreach (var child in sequence.Nodes)
                {
                    if (!CollectUnits(child, units, fetches))
                    {
                        return false;
                    }
                }

                return true;
            case ParallelNode parallel:
                foreach (var child in parallel.Nodes)
                {
                    if (!CollectUnits(child, units, fetches))
                    {
                        return false;
                    }
                }

                return true;
            default:
                if (FetchOf(node) is not { } fetch)
                {
                    return false;
                }

                units.Add(node);
                fetches.Add(fetch);
                return true;
        }
    }

    /// <summary>The one fetch a unit runs: a fetch, a flatten's, or that of a condition's only clause.</summary>
    private static FetchNode? FetchOf(PlanNode node) => node switch
    {
        FetchNode fetch => fetch,
        FlattenNode flatten => flatten.Node,
        ConditionNode { IfClause: { } only, ElseClause: null } => LeafFetch(only),
        ConditionNode { IfClause: null, ElseClause: { } only } => LeafFetch(only),
        _ => null,
    };

    private static FetchNode? LeafFetch(PlanNode node) => node switch
    {
        FetchNode fetch => fetch,
        FlattenNode flatten => flatten.Node,
        _ => null,
    };
}
