using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>Response paths while planning (new lists: a path is shared by every position that was handed it).</summary>
internal static class PlanPaths
{
    public static List<PathSegment> With(List<PathSegment> path, PathSegment segment)
    {
        var copy = new List<PathSegment>(path.Count + 1);
        copy.AddRange(path);
        copy.Add(segment);
        return copy;
    }

    /// <summary>The path without its trailing type filters.</summary>
    public static List<PathSegment> TrimTypeFilters(List<PathSegment> path)
    {
        var end = path.Count;
        while (end > 0 && path[end - 1].Kind == PathSegmentKind.TypeFilter)
        {
            end--;
        }

        return end == path.Count ? path : path.GetRange(0, end);
    }
}
