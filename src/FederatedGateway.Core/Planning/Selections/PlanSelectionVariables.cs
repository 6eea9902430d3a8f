using FederatedGateway.Core.Operations;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Planning.Selections;

/// <summary>The variables a selection tree uses, in arguments and in <c>@skip</c>/<c>@include</c>.</summary>
public static class PlanSelectionVariables
{
    /// <summary>Adds every variable <paramref name="set"/> uses to <paramref name="names"/>.</summary>
    public static void Collect(PlanSelectionSet set, ISet<string> names)
    {
        foreach (var selection in set.Selections)
        {
            foreach (var condition in selection.Conditions)
            {
                names.Add(condition.Variable);
            }

            switch (selection)
            {
                case PlanField field:
                    foreach (var argument in field.Arguments)
                    {
                        Collect(argument.Value, names);
                    }

                    if (field.SelectionSet is not null)
                    {
                        Collect(field.SelectionSet, names);
                    }

                    break;
                case PlanInlineFragment fragment:
                    Collect(fragment.SelectionSet, names);
                    break;
            }
        }
    }

    private static void Collect(GraphQLValue value, ISet<string> names)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                names.Add(variable.Name.StringValue);
                break;
            case GraphQLListValue list when list.Values is not null:
                foreach (var item in list.Values)
                {
                    Collect(item, names);
                }

                break;
            case GraphQLObjectValue obj when obj.Fields is not null:
                foreach (var field in obj.Fields)
                {
                    Collect(field.Value, names);
                }

                break;
        }
    }
}
