using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Selections;

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
    /// <summary>Reads them from a fetch's selection (once per plan, when a fetch first fails).</summary>
    public static IReadOnlyList<FilledField> Read(PlanSelectionSet selection)
    {
        var fields = new List<FilledField>();
        Collect(selection, null, Array.Empty<InclusionCondition>(), fields);
        return fields;
    }

    private static void Collect(PlanSelectionSet set, string? typeCondition, IReadOnlyList<InclusionCondition> conditions, List<FilledField> fields)
    {
        foreach (var selection in set.Selections)
        {
            var own = selection.Conditions.IsEmpty ? conditions : [.. conditions, .. selection.Conditions];
            switch (selection)
            {
                case PlanField field when !field.IsTypename && InternalAlias.IsClientDataKey(field.ResponseName):
                    var name = InternalAlias.ClientResponseName(field.ResponseName);
                    if (!fields.Exists(f => f.TypeCondition == typeCondition && f.ResponseName == name && f.Conditions.SequenceEqual(own)))
                    {
                        fields.Add(new FilledField(typeCondition, name, own));
                    }

                    break;
                case PlanInlineFragment fragment:
                    Collect(fragment.SelectionSet, fragment.TypeCondition ?? typeCondition, own, fields);
                    break;
            }
        }
    }
}
