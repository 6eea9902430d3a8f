using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>
/// A field computed from <c>@requires</c> data must be at least as protected as that data: its own and its type's
/// authorization requirements must imply those of every field (and that field's type, and every fragment's type
/// condition) its <c>@requires</c> selects. Otherwise a caller could read protected data through the computed field.
/// </summary>
internal sealed class MissingTransitiveAuthRequirementsRule : ISupergraphRule
{
    public const string Code = ErrorCodes.MissingTransitiveAuthRequirements;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        if (!context.Schema.Types.Values.Any(t => t.AccessAndCost.HasAuthorization || t.Fields.Exists(f => f.AccessAndCost.HasAuthorization)))
        {
            return;
        }

        foreach (var type in context.Schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                foreach (var (graph, source) in field.Sources.Where(s => s.Field.RequiresSelection is not null))
                {
                    var granted = AuthorizationImplication.Combine(type.AccessAndCost, field.AccessAndCost);
                    var denied = FirstUncovered(context.Schema, type, source.RequiresSelection!, granted);
                    if (denied is not null)
                    {
                        var coordinate = $"{type.Name}.{field.Name}";
                        context.Error(Code, $"Field \"{coordinate}\" does not specify necessary @authenticated, @requiresScopes and/or @policy auth requirements to access the transitive {denied} @requires selection set.",
                            graph, coordinate, source.Location, $"Give \"{coordinate}\" at least the authorization requirements of the data its @requires selects.");
                    }
                }
            }
        }
    }

    /// <summary>The first selected element whose requirements <paramref name="granted"/> does not imply, described as in Apollo's message; null when all are implied.</summary>
    private static string? FirstUncovered(MergedSchema schema, MergedType parent, FieldSet selection, AccessAndCostDirectives granted)
    {
        foreach (var item in selection.Items)
        {
            if (item.Name is null)
            {
                var condition = item.TypeCondition is null ? null : schema.Type(item.TypeCondition);
                if (condition is not null && !AuthorizationImplication.Implies(granted, condition.AccessAndCost))
                {
                    return $"data in inline fragment type condition \"{condition.Name}\" from";
                }

                if (item.Children is not null && FirstUncovered(schema, condition ?? parent, item.Children, granted) is { } inFragment)
                {
                    return inFragment;
                }

                continue;
            }

            var field = parent.Field(item.Name);
            if (field is null)
            {
                continue;
            }

            var returned = schema.Type(field.Type.NamedType);
            if (!AuthorizationImplication.Implies(granted, field.AccessAndCost) || (returned is not null && !AuthorizationImplication.Implies(granted, returned.AccessAndCost)))
            {
                return $"field \"{parent.Name}.{field.Name}\" data from";
            }

            if (item.Children is not null && returned is not null && FirstUncovered(schema, returned, item.Children, granted) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
