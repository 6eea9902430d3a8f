using GraphQL.Types;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Where a merged selection set sits: the parent type each of its ancestor fields was selected on, from the root
/// down. Two fields are mutually exclusive (they can never both be in one response object, so they may differ in
/// name and arguments) when at some level, theirs included, their parents are two different object types.
/// Positions are interned per validation, so fields at the same position compare by reference.
/// </summary>
internal sealed class SelectionPosition
{
    private Dictionary<IGraphType, SelectionPosition>? _children;

    private SelectionPosition(SelectionPosition? parent, IGraphType? parentType)
    {
        Parent = parent;
        ParentType = parentType;
    }

    /// <summary>The position of the operation's root selection set.</summary>
    public static SelectionPosition CreateRoot() => new(null, null);

    public SelectionPosition? Parent { get; }

    /// <summary>The parent type of the ancestor field one level up; null at the root.</summary>
    public IGraphType? ParentType { get; }

    /// <summary>The position of the selection set of a field selected here on <paramref name="parentType"/>.</summary>
    public SelectionPosition Child(IGraphType parentType)
    {
        _children ??= new Dictionary<IGraphType, SelectionPosition>(ReferenceEqualityComparer.Instance);
        if (!_children.TryGetValue(parentType, out var child))
        {
            child = new SelectionPosition(this, parentType);
            _children[parentType] = child;
        }

        return child;
    }

    /// <summary>Whether fields on <paramref name="typeA"/> at <paramref name="a"/> and on <paramref name="typeB"/> at <paramref name="b"/> are mutually exclusive.</summary>
    public static bool AreExclusive(SelectionPosition a, IGraphType typeA, SelectionPosition b, IGraphType typeB)
    {
        if (AreDifferentObjectTypes(typeA, typeB))
        {
            return true;
        }

        // Positions of one merged set have the same depth: walk both up to their common ancestor.
        while (!ReferenceEquals(a, b) && a.Parent is not null && b.Parent is not null)
        {
            if (AreDifferentObjectTypes(a.ParentType!, b.ParentType!))
            {
                return true;
            }

            a = a.Parent;
            b = b.Parent;
        }

        return false;
    }

    private static bool AreDifferentObjectTypes(IGraphType a, IGraphType b) =>
        !ReferenceEquals(a, b) && a is IObjectGraphType && b is IObjectGraphType;
}
