using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// The client's selection with every response name that belongs to the gateway escaped (see
/// <see cref="InternalAlias.DataKey"/>): the planner then fetches each client field under its data key. The same
/// instances come back when nothing needs escaping, which is nearly always.
/// </summary>
internal static class EscapedSelections
{
    public static SelectionSet Escape(SelectionSet set)
    {
        List<Selection>? copy = null;
        var selections = set.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            var escaped = Escape(selections[i]);
            if (!ReferenceEquals(escaped, selections[i]) && copy is null)
            {
                copy = new List<Selection>(selections.Count);
                for (var j = 0; j < i; j++)
                {
                    copy.Add(selections[j]);
                }
            }

            copy?.Add(escaped);
        }

        return copy is null ? set : new SelectionSet(set.ParentType, copy);
    }

    private static Selection Escape(Selection selection)
    {
        switch (selection)
        {
            case FieldSelection f:
                var inner = f.SelectionSet is null ? null : Escape(f.SelectionSet);
                var needsEscape = InternalAlias.NeedsEscape(f.ResponseName, f.Name);
                if (!needsEscape && ReferenceEquals(inner, f.SelectionSet))
                {
                    return f;
                }

                var alias = needsEscape ? InternalAlias.DataKey(f.ResponseName, f.Name) : f.Alias;
                return new FieldSelection(f.Name, alias, f.Arguments, f.Definition, inner, f.Conditions, f.Location, f.Syntax);
            case InlineFragmentSelection fragment:
                var escapedSet = Escape(fragment.SelectionSet);
                return ReferenceEquals(escapedSet, fragment.SelectionSet)
                    ? fragment
                    : new InlineFragmentSelection(fragment.TypeCondition, escapedSet, fragment.Conditions);
            default:
                return selection;
        }
    }
}
