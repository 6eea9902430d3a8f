namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>
/// One step of a <see cref="FlattenNode"/> path: a field (by response name), every item of a list (<c>@</c>),
/// or a filter keeping objects whose <c>__typename</c> satisfies a type condition (<c>|[Type]</c>).
/// </summary>
public readonly record struct PathSegment(PathSegmentKind Kind, string? Name)
{
    public static PathSegment Field(string responseName) => new(PathSegmentKind.Field, responseName);

    public static readonly PathSegment List = new(PathSegmentKind.List, null);

    public static PathSegment TypeFilter(string typeName) => new(PathSegmentKind.TypeFilter, typeName);

    public static string Print(IReadOnlyList<PathSegment> path)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var segment in path)
        {
            switch (segment.Kind)
            {
                case PathSegmentKind.Field:
                    if (sb.Length > 0)
                    {
                        sb.Append('.');
                    }

                    sb.Append(segment.Name);
                    break;
                case PathSegmentKind.List:
                    if (sb.Length > 0)
                    {
                        sb.Append('.');
                    }

                    sb.Append('@');
                    break;
                case PathSegmentKind.TypeFilter:
                    sb.Append("|[").Append(segment.Name).Append(']');
                    break;
            }
        }

        return sb.ToString();
    }
}

public enum PathSegmentKind
{
    Field,
    List,
    TypeFilter,
}
