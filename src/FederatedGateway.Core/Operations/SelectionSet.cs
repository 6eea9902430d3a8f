namespace FederatedGateway.Core.Operations;

/// <summary>A normalized selection set on <see cref="ParentType"/>.</summary>
public sealed class SelectionSet
{
    public SelectionSet(string parentType, IReadOnlyList<Selection> selections)
    {
        ParentType = parentType;
        Selections = selections;
    }

    public string ParentType { get; }

    public IReadOnlyList<Selection> Selections { get; }
}
