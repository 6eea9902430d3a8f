using FederatedGateway.Core.Operations;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>
/// A client field a fetch fills in where its answer merges: a root field of a root fetch, or a field of the entities
/// an entity fetch is for (on <see cref="TypeCondition"/>). When the fetch fails, each becomes null and carries the
/// error. Fields the planner adds for later fetches (keys, requirements, <c>__typename</c>) are not among them.
/// </summary>
/// <param name="ResponseName">The client's response name.</param>
/// <param name="Conditions">The <c>@skip</c>/<c>@include</c> the field and its enclosing fragments carry.</param>
public sealed record FilledField(string? TypeCondition, string ResponseName, IReadOnlyList<InclusionCondition> Conditions)
{
    /// <summary>Reads them from a fetch's document (once per plan, when a fetch first fails).</summary>
    public static IReadOnlyList<FilledField> Read(string operation, bool isEntityFetch)
    {
        var document = GraphQLParser.Parser.Parse(operation);
        var definition = document.Definitions.OfType<GraphQLOperationDefinition>().FirstOrDefault();
        var selection = definition?.SelectionSet;
        if (isEntityFetch)
        {
            selection = selection?.Selections.OfType<GraphQLField>().FirstOrDefault()?.SelectionSet;
        }

        var fields = new List<FilledField>();
        if (selection is not null)
        {
            Collect(selection, null, Array.Empty<InclusionCondition>(), fields);
        }

        return fields;
    }

    private static void Collect(GraphQLSelectionSet set, string? typeCondition, IReadOnlyList<InclusionCondition> conditions, List<FilledField> fields)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when IsClientField(field):
                    var name = InternalAlias.ClientResponseName((field.Alias?.Name ?? field.Name).StringValue);
                    var own = With(conditions, field.Directives);
                    if (own is not null && !fields.Exists(f => f.TypeCondition == typeCondition && f.ResponseName == name && f.Conditions.SequenceEqual(own)))
                    {
                        fields.Add(new FilledField(typeCondition, name, own));
                    }

                    break;
                case GraphQLInlineFragment fragment:
                    var inner = With(conditions, fragment.Directives);
                    if (inner is not null)
                    {
                        Collect(fragment.SelectionSet, fragment.TypeCondition?.Type.Name.StringValue ?? typeCondition, inner, fields);
                    }

                    break;
            }
        }
    }

    private static bool IsClientField(GraphQLField field)
    {
        var responseName = (field.Alias?.Name ?? field.Name).StringValue;
        return field.Name.StringValue != "__typename" && InternalAlias.IsClientDataKey(responseName);
    }

    /// <summary>The conditions with the directives' <c>@skip</c>/<c>@include</c> added; null when a literal one excludes the selection.</summary>
    private static IReadOnlyList<InclusionCondition>? With(IReadOnlyList<InclusionCondition> conditions, GraphQLDirectives? directives)
    {
        if (directives is null)
        {
            return conditions;
        }

        List<InclusionCondition>? added = null;
        foreach (var directive in directives.Items)
        {
            var skip = directive.Name.StringValue == "skip";
            if (!skip && directive.Name.StringValue != "include")
            {
                continue;
            }

            var value = directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value;
            switch (value)
            {
                case GraphQLVariable variable:
                    added ??= new List<InclusionCondition>(conditions);
                    added.Add(new InclusionCondition(variable.Name.StringValue, skip));
                    break;
                case GraphQLBooleanValue literal when literal.BoolValue == skip:
                    return null;
            }
        }

        return added ?? conditions;
    }
}
