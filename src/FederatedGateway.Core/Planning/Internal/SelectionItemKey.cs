using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// Identifies one item of a <see cref="FetchSelectionSet"/>: a field by its response key, or an inline fragment by
/// its type condition, each with its <c>@skip</c>/<c>@include</c> conditions. Compared by value.
/// </summary>
internal readonly struct SelectionItemKey : IEquatable<SelectionItemKey>
{
    private SelectionItemKey(bool isFragment, string? name, IReadOnlyList<InclusionCondition> conditions)
    {
        IsFragment = isFragment;
        Name = name;
        Conditions = conditions;
    }

    public bool IsFragment { get; }

    /// <summary>The field's response key, or the fragment's type condition (null for none).</summary>
    public string? Name { get; }

    public IReadOnlyList<InclusionCondition> Conditions { get; }

    public static SelectionItemKey Field(string responseKey, IReadOnlyList<InclusionCondition> conditions) => new(false, responseKey, conditions);

    public static SelectionItemKey Fragment(string? typeCondition, IReadOnlyList<InclusionCondition> conditions) => new(true, typeCondition, conditions);

    public bool Equals(SelectionItemKey other)
    {
        if (IsFragment != other.IsFragment || !string.Equals(Name, other.Name, StringComparison.Ordinal)
            || Conditions.Count != other.Conditions.Count)
        {
            return false;
        }

        for (var i = 0; i < Conditions.Count; i++)
        {
            if (!Conditions[i].Equals(other.Conditions[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is SelectionItemKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsFragment);
        hash.Add(Name, StringComparer.Ordinal);
        foreach (var condition in Conditions)
        {
            hash.Add(condition);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => (IsFragment ? "... on " : string.Empty) + Name + string.Concat(Conditions);
}
