using System.Text;
using FederatedGateway.Core.Operations;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// Required fields with arguments (<c>@requires(fields: "price(currency: \"EUR\")")</c>) are fetched under an alias
/// made from their arguments, so two requirements of one field with different arguments can both be fetched.
/// The representation still names the field itself; the merged data keeps the alias (the client never sees it).
/// </summary>
internal static class RequirementAliases
{
    public const string Marker = "__fgr_";

    public static SelectionSet? Apply(SelectionSet? selection)
    {
        if (selection is null)
        {
            return null;
        }

        var list = new List<Selection>(selection.Selections.Count);
        foreach (var item in selection.Selections)
        {
            list.Add(item switch
            {
                FieldSelection f => new FieldSelection(f.Name, AliasFor(f), f.Arguments, f.Definition, Apply(f.SelectionSet), f.Conditions, f.Location, f.Syntax),
                InlineFragmentSelection fragment => new InlineFragmentSelection(fragment.TypeCondition, Apply(fragment.SelectionSet)!, fragment.Conditions),
                _ => item,
            });
        }

        return new SelectionSet(selection.ParentType, list);
    }

    private static string? AliasFor(FieldSelection field)
    {
        if (field.Arguments is not { Items.Count: > 0 })
        {
            return field.Alias;
        }

        var printed = new StringBuilder();
        var printer = new SDLPrinter();
        foreach (var argument in field.Arguments.Items)
        {
            printed.Append(argument.Name.StringValue).Append(':');
            printer.Print(argument.Value, printed);
        }

        // FNV-1a: stable across processes (string.GetHashCode is not), so plans print the same every run.
        var hash = 2166136261u;
        foreach (var c in printed.ToString())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return field.Name + Marker + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>False when <paramref name="requires"/> needs a field the representation already carries with other arguments.</summary>
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
