using System.Collections.Immutable;
using System.Text;
using FederatedGateway.Core.Operations;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Planning.Selections;

/// <summary>
/// Prints a fetch's selection tree: compact (<c>{a b{c}...on T{d}}</c>, the form sent to subgraphs) or indented (the
/// plan printer's form). A location takes each of <c>@skip</c> and <c>@include</c> once: the first of each stays on
/// the field, further conditions (from enclosing fragments) become inline fragments around it.
/// </summary>
public static class PlanSelectionPrinter
{
    public static void PrintCompact(StringBuilder sb, PlanSelectionSet set)
    {
        if (set.Selections.IsEmpty)
        {
            // Every selection set needs a field; a fragment whose fields all came from elsewhere keeps __typename.
            sb.Append("{__typename}");
            return;
        }

        sb.Append('{');
        for (var i = 0; i < set.Selections.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            switch (set.Selections[i])
            {
                case PlanField field:
                    var wrappers = OpenWrappers(sb, field.Conditions);
                    PrintFieldHead(sb, field, -1);
                    if (field.SelectionSet is not null)
                    {
                        PrintCompact(sb, field.SelectionSet);
                    }

                    sb.Append('}', wrappers);
                    break;
                case PlanInlineFragment fragment:
                    PrintFragmentHead(sb, fragment);
                    PrintCompact(sb, fragment.SelectionSet);
                    break;
            }
        }

        sb.Append('}');
    }

    /// <summary>Prints the set over several lines; every line after the first starts with <paramref name="margin"/> spaces.</summary>
    public static void PrintIndented(StringBuilder sb, PlanSelectionSet set, int margin) => PrintIndented(sb, set, margin, 0);

    private static void PrintIndented(StringBuilder sb, PlanSelectionSet set, int margin, int depth)
    {
        var inner = margin + ((depth + 1) * 2);
        if (set.Selections.IsEmpty)
        {
            sb.Append("{\n").Append(' ', inner).Append("__typename\n").Append(' ', margin + (depth * 2)).Append('}');
            return;
        }

        sb.Append("{\n");
        foreach (var selection in set.Selections)
        {
            sb.Append(' ', inner);
            switch (selection)
            {
                case PlanField field:
                    var wrappers = OpenWrappers(sb, field.Conditions);
                    PrintFieldHead(sb, field, margin);
                    if (field.SelectionSet is not null)
                    {
                        sb.Append(' ');
                        PrintIndented(sb, field.SelectionSet, margin, depth + 1);
                    }

                    for (var w = 0; w < wrappers; w++)
                    {
                        sb.Append(" }");
                    }

                    break;
                case PlanInlineFragment fragment:
                    PrintFragmentHead(sb, fragment);
                    sb.Append(' ');
                    PrintIndented(sb, fragment.SelectionSet, margin, depth + 1);
                    break;
            }

            sb.Append('\n');
        }

        sb.Append(' ', margin + (depth * 2)).Append('}');
    }

    /// <summary>Appends <c>@skip(if: $v)</c> or <c>@include(if: $v)</c>.</summary>
    public static void PrintCondition(StringBuilder sb, InclusionCondition condition) =>
        sb.Append(condition.Skip ? "@skip(if: $" : "@include(if: $").Append(condition.Variable).Append(')');

    /// <summary>Opens an inline fragment for every condition that cannot stay on the field; returns how many.</summary>
    private static int OpenWrappers(StringBuilder sb, ImmutableArray<InclusionCondition> conditions)
    {
        var opened = 0;
        for (var i = 0; i < conditions.Length; i++)
        {
            if (IsPrintedOnField(conditions, i))
            {
                continue;
            }

            sb.Append("... ");
            PrintCondition(sb, conditions[i]);
            sb.Append(" { ");
            opened++;
        }

        return opened;
    }

    /// <summary>The first <c>@skip</c> and the first <c>@include</c> stay on the field itself.</summary>
    private static bool IsPrintedOnField(ImmutableArray<InclusionCondition> conditions, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (conditions[j].Skip == conditions[index].Skip)
            {
                return false;
            }
        }

        return true;
    }

    private static void PrintFragmentHead(StringBuilder sb, PlanInlineFragment fragment)
    {
        sb.Append("...");
        if (fragment.TypeCondition is not null)
        {
            sb.Append(" on ").Append(fragment.TypeCondition);
        }

        foreach (var condition in fragment.Conditions)
        {
            sb.Append(' ');
            PrintCondition(sb, condition);
        }
    }

    /// <param name="margin">For the indented form: line breaks inside argument values are followed by this many spaces; -1 for none.</param>
    private static void PrintFieldHead(StringBuilder sb, PlanField field, int margin)
    {
        if (field.Alias is not null)
        {
            sb.Append(field.Alias).Append(": ");
        }

        sb.Append(field.Name);
        if (!field.Arguments.IsEmpty)
        {
            sb.Append('(');
            var printer = new SDLPrinter();
            for (var i = 0; i < field.Arguments.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                var argument = field.Arguments[i];
                sb.Append(argument.Name).Append(": ");
                var start = sb.Length;
                printer.Print(argument.Value, sb);
                if (margin > 0)
                {
                    IndentLineBreaks(sb, start, margin);
                }
            }

            sb.Append(')');
        }

        for (var i = 0; i < field.Conditions.Length; i++)
        {
            if (IsPrintedOnField(field.Conditions, i))
            {
                sb.Append(' ');
                PrintCondition(sb, field.Conditions[i]);
            }
        }
    }

    private static void IndentLineBreaks(StringBuilder sb, int start, int margin)
    {
        for (var i = sb.Length - 1; i >= start; i--)
        {
            if (sb[i] == '\n')
            {
                sb.Insert(i + 1, " ", margin);
            }
        }
    }
}
