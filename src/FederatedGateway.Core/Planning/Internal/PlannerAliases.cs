using System.Text;
using FederatedGateway.Core.Operations;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// The names under which the fields the planner adds for entity fetches (keys, <c>@requires</c>) are fetched,
/// merged and read back into representations, for one operation. A field keeps its plain name when the operation
/// never uses that name as a response name for anything but that same field without arguments: it then means
/// the same value wherever both meet, and is fetched once. Otherwise, and always for fields with arguments, it
/// gets an internal alias (<see cref="InternalAlias"/>), which no client response name can equal.
/// </summary>
internal sealed class PlannerAliases
{
    private readonly HashSet<string> _takenByClient;
    private readonly Dictionary<SelectionSet, SelectionSet> _applied = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<FieldSelection> _plannerFields = new(ReferenceEqualityComparer.Instance);

    private PlannerAliases(HashSet<string> takenByClient)
    {
        _takenByClient = takenByClient;
    }

    /// <param name="escapedRoot">The client's selection with its response names escaped (<see cref="EscapedSelections"/>).</param>
    public static PlannerAliases For(SelectionSet escapedRoot)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        CollectTaken(escapedRoot, taken);
        return new PlannerAliases(taken);
    }

    /// <summary>Response names the client uses for something else than the argument-less field of that name.</summary>
    private static void CollectTaken(SelectionSet set, HashSet<string> taken)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldSelection f:
                    if (f.ResponseName != f.Name || f.Arguments is { Items.Count: > 0 })
                    {
                        taken.Add(f.ResponseName);
                    }

                    if (f.SelectionSet is not null)
                    {
                        CollectTaken(f.SelectionSet, taken);
                    }

                    break;
                case InlineFragmentSelection fragment:
                    CollectTaken(fragment.SelectionSet, taken);
                    break;
            }
        }
    }

    /// <summary>The key or <c>@requires</c> field set with the aliases it is fetched under (computed once per field set).</summary>
    public SelectionSet? Apply(SelectionSet? fields)
    {
        if (fields is null)
        {
            return null;
        }

        if (!_applied.TryGetValue(fields, out var applied))
        {
            applied = Rewrite(fields);
            _applied[fields] = applied;
        }

        return applied;
    }

    /// <summary>True for a selection of a key or <c>@requires</c> field set (the client did not ask for it).</summary>
    public bool IsPlannerField(FieldSelection selection) => _plannerFields.Contains(selection);

    private SelectionSet Rewrite(SelectionSet fields)
    {
        var list = new List<Selection>(fields.Selections.Count);
        foreach (var item in fields.Selections)
        {
            switch (item)
            {
                case FieldSelection f:
                    var field = new FieldSelection(f.Name, AliasFor(f), f.Arguments, f.Definition, f.SelectionSet is null ? null : Rewrite(f.SelectionSet), f.Conditions, f.Location, f.Syntax);
                    _plannerFields.Add(field);
                    list.Add(field);
                    break;
                case InlineFragmentSelection fragment:
                    list.Add(new InlineFragmentSelection(fragment.TypeCondition, Rewrite(fragment.SelectionSet), fragment.Conditions));
                    break;
                default:
                    list.Add(item);
                    break;
            }
        }

        return new SelectionSet(fields.ParentType, list);
    }

    private string? AliasFor(FieldSelection field)
    {
        if (field.IsTypename)
        {
            // The merged data keeps __typename for the runtime type; a client field aliased so is escaped instead.
            return null;
        }

        if (field.Arguments is { Items.Count: > 0 })
        {
            var printed = new StringBuilder();
            var printer = new SDLPrinter();
            foreach (var argument in field.Arguments.Items)
            {
                printed.Append(argument.Name.StringValue).Append(':');
                printer.Print(argument.Value, printed);
                printed.Append(' ');
            }

            return InternalAlias.ForArguments(field.Name, printed.ToString());
        }

        return _takenByClient.Contains(field.Name) ? InternalAlias.ForPlannerField(field.Name) : null;
    }

    /// <summary>False when <paramref name="requires"/> needs a field the representation already carries under another name (other arguments).</summary>
    public static bool Compatible(FetchSelectionSet current, SelectionSet? requires)
    {
        if (requires is null)
        {
            return true;
        }

        foreach (var item in requires.Selections)
        {
            if (item is not FieldSelection f)
            {
                continue;
            }

            foreach (var existing in current.Items)
            {
                if (existing is FetchField e && e.Name == f.Name && (e.Alias ?? e.Name) != f.ResponseName)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
