using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Planning.Selections;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>
/// A fetch's fields of one response name must merge (GraphQL's "field selection merging"), at every
/// depth: on one parent type they are the same field with the same arguments; on any parent types they have the
/// same type (the response shape), and so have their merged sub-selections.
/// </summary>
internal static class FetchFieldsMerge
{
    public static void Check(FederatedSchema schema, string service, IReadOnlyList<(string ParentType, PlanSelectionSet Set)> sets)
    {
        var fields = new List<(string Scope, PlanField Field)>();
        foreach (var (parentType, set) in sets)
        {
            Collect(set, parentType, fields);
        }

        foreach (var group in fields.GroupBy(f => ResponseName(f.Field)))
        {
            foreach (var onOneType in group.GroupBy(f => f.Scope))
            {
                var first = onOneType.First().Field;
                foreach (var (_, other) in onOneType.Skip(1))
                {
                    Assert.True(
                        first.Name == other.Name && Arguments(first) == Arguments(other),
                        $"{service}: on {onOneType.Key}, response name \"{group.Key}\" is both {first.Name}{Arguments(first)} and {other.Name}{Arguments(other)}");
                }
            }

            var types = group.Select(f => TypeOf(schema, f.Scope, f.Field)).OfType<TypeRef>().Select(t => t.ToString()).Distinct().ToList();
            Assert.True(types.Count <= 1, $"{service}: response name \"{group.Key}\" has the types {string.Join(" and ", types)}");
            var subSelections = group
                .Where(f => f.Field.SelectionSet is not null && TypeOf(schema, f.Scope, f.Field) is not null)
                .Select(f => (TypeOf(schema, f.Scope, f.Field)!.NamedType, f.Field.SelectionSet!))
                .ToList();
            if (subSelections.Count > 1)
            {
                Check(schema, service, subSelections);
            }
        }
    }

    private static string ResponseName(PlanField field) => field.ResponseName;

    private static TypeRef? TypeOf(FederatedSchema schema, string parentType, PlanField field) =>
        field.IsTypename ? null : schema.FindType(parentType)?.FindField(field.Name)?.Type;

    private static void Collect(PlanSelectionSet set, string scope, List<(string, PlanField)> fields)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case PlanField field:
                    fields.Add((scope, field));
                    break;
                case PlanInlineFragment fragment:
                    Collect(fragment.SelectionSet, fragment.TypeCondition ?? scope, fields);
                    break;
            }
        }
    }

    private static string Arguments(PlanField field) =>
        field.Arguments.IsEmpty ? string.Empty : "(" + string.Join(", ", field.Arguments.Select(a => a.Name + ": " + new SDLPrinter().Print(a.Value))) + ")";
}
