namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// The planner's ordering stage: fetch groups by dependency depth. Level 0 needs nothing, each later level needs
/// something from an earlier one; within a level groups stay in the order they were made.
/// </summary>
internal static class DependencyLevels
{
    private const int MaxDepth = 256;

    public static List<List<FetchGroup>> Of(List<FetchGroup> groups)
    {
        var depth = new Dictionary<FetchGroup, int>();
        var inScope = new HashSet<FetchGroup>(groups);
        foreach (var g in groups)
        {
            Depth(g, 0, depth, inScope);
        }

        var levels = new List<List<FetchGroup>>();
        foreach (var level in groups.GroupBy(g => depth[g]).OrderBy(l => l.Key))
        {
            levels.Add(level.OrderBy(g => g.Id).ToList());
        }

        return levels;
    }

    private static int Depth(FetchGroup group, int guard, Dictionary<FetchGroup, int> depth, HashSet<FetchGroup> inScope)
    {
        if (depth.TryGetValue(group, out var known))
        {
            return known;
        }

        if (guard > MaxDepth)
        {
            throw new PlanningException("The plan has a dependency cycle.");
        }

        var max = -1;
        foreach (var dependency in group.DependsOn)
        {
            if (inScope.Contains(dependency))
            {
                max = Math.Max(max, Depth(dependency, guard + 1, depth, inScope));
            }
        }

        depth[group] = max + 1;
        return max + 1;
    }
}
