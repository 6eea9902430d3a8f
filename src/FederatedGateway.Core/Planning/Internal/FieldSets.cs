using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>Field sets (keys, <c>@requires</c>) as the planner adds them to a representation's selection.</summary>
internal static class FieldSets
{
    private static readonly IReadOnlyList<InclusionCondition> NoConditions = Array.Empty<InclusionCondition>();

    /// <summary>Adds <paramref name="fields"/> to <paramref name="target"/> (unconditionally; fields already there are shared).</summary>
    public static void MergeInto(FetchSelectionSet target, SelectionSet fields)
    {
        foreach (var selection in fields.Selections)
        {
            switch (selection)
            {
                case FieldSelection f:
                    var added = target.AddField(f.Name, f.Alias, f.Arguments, NoConditions, f.SelectionSet?.ParentType);
                    if (f.SelectionSet is not null)
                    {
                        MergeInto(added.SelectionSet!, f.SelectionSet);
                    }

                    break;
                case InlineFragmentSelection fragment:
                    MergeInto(target.AddFragment(fragment.TypeCondition, NoConditions).SelectionSet, fragment.SelectionSet);
                    break;
            }
        }
    }
}
