using FederatedGateway.Core.Schema;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>
/// A subgraph document's fields of one response name must merge (GraphQL's "field selection merging"), at every
/// depth: on one parent type they are the same field with the same arguments; on any parent types they have the
/// same type (the response shape), and so have their merged sub-selections.
/// </summary>
internal static class FetchFieldsMerge
{
    public static void Check(FederatedSchema schema, string service, IReadOnlyList<(string ParentType, GraphQLSelectionSet Set)> sets)
    {
        var fields = new List<(string Scope, GraphQLField Field)>();
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
                        first.Name.StringValue == other.Name.StringValue && Arguments(first) == Arguments(other),
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

    private static string ResponseName(GraphQLField field) => (field.Alias?.Name ?? field.Name).StringValue;

    private static TypeRef? TypeOf(FederatedSchema schema, string parentType, GraphQLField field) =>
        field.Name.StringValue == "__typename" ? null : schema.FindType(parentType)?.FindField(field.Name.StringValue)?.Type;

    private static void Collect(GraphQLSelectionSet set, string scope, List<(string, GraphQLField)> fields)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    fields.Add((scope, field));
                    break;
                case GraphQLInlineFragment fragment:
                    Collect(fragment.SelectionSet, fragment.TypeCondition?.Type.Name.StringValue ?? scope, fields);
                    break;
            }
        }
    }

    private static string Arguments(GraphQLField field) =>
        field.Arguments is { Count: > 0 } arguments ? "(" + string.Join(", ", arguments.Items.Select(a => new SDLPrinter().Print(a))) + ")" : string.Empty;
}
