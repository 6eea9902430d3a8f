using FederatedGateway.Core.Internal;
using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Turns a GraphQL AST selection set into a normalized <see cref="SelectionSet"/>: named fragments inlined,
/// fields bound to their schema definitions, literal <c>@skip</c>/<c>@include</c> applied.
/// </summary>
public sealed class SelectionSetBuilder
{
    private readonly FederatedSchema _schema;
    private readonly IReadOnlyDictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly int _maxSelections;
    private int _selections;

    /// <param name="maxSelections">
    /// The most selections the normalized operation may have once fragments are inlined (fragment spreads can
    /// multiply an operation's size); beyond it <see cref="OperationTooLargeException"/> is thrown.
    /// </param>
    public SelectionSetBuilder(FederatedSchema schema, IReadOnlyDictionary<string, GraphQLFragmentDefinition>? fragments = null, int maxSelections = 100_000)
    {
        _schema = schema;
        _fragments = fragments ?? new Dictionary<string, GraphQLFragmentDefinition>();
        _maxSelections = maxSelections;
    }

    /// <summary>Parses a field set such as <c>id organization { id }</c> on <paramref name="parentType"/>.</summary>
    public static SelectionSet ParseFieldSet(FederatedSchema schema, string parentType, string fieldSet)
    {
        var document = GraphQLParser.Parser.Parse("{" + fieldSet + "}");
        var operation = (GraphQLOperationDefinition)document.Definitions[0];
        return new SelectionSetBuilder(schema).Build(parentType, operation.SelectionSet);
    }

    public SelectionSet Build(string parentType, GraphQLSelectionSet selectionSet)
    {
        var list = new List<Selection>(selectionSet.Selections.Count);
        AddSelections(parentType, selectionSet, list);
        return new SelectionSet(parentType, list);
    }

    private void AddSelections(string parentType, GraphQLSelectionSet selectionSet, List<Selection> list)
    {
        foreach (var node in selectionSet.Selections)
        {
            if (++_selections > _maxSelections)
            {
                throw new OperationTooLargeException(_maxSelections);
            }

            switch (node)
            {
                case GraphQLField field:
                    {
                        if (!TryConditions(field.Directives, out var conditions))
                        {
                            continue;
                        }

                        list.Add(BuildField(parentType, field, conditions));
                        break;
                    }

                case GraphQLInlineFragment inline:
                    {
                        if (!TryConditions(inline.Directives, out var conditions))
                        {
                            continue;
                        }

                        var typeCondition = inline.TypeCondition?.Type.Name.StringValue;
                        var inner = Build(typeCondition ?? parentType, inline.SelectionSet);
                        list.Add(new InlineFragmentSelection(typeCondition, inner, conditions));
                        break;
                    }

                case GraphQLFragmentSpread spread:
                    {
                        if (!TryConditions(spread.Directives, out var conditions))
                        {
                            continue;
                        }

                        var name = spread.FragmentName.Name.StringValue;
                        if (!_fragments.TryGetValue(name, out var fragment))
                        {
                            throw new InvalidOperationException($"Unknown fragment \"{name}\".");
                        }

                        var typeCondition = fragment.TypeCondition.Type.Name.StringValue;
                        var inner = Build(typeCondition, fragment.SelectionSet);
                        list.Add(new InlineFragmentSelection(typeCondition, inner, conditions));
                        break;
                    }
            }
        }
    }

    private FieldSelection BuildField(string parentType, GraphQLField field, IReadOnlyList<InclusionCondition> conditions)
    {
        var name = field.Name.StringValue;
        var alias = field.Alias?.Name.StringValue;
        SchemaField? definition = null;
        if (!name.StartsWith("__", StringComparison.Ordinal))
        {
            var type = _schema.FindType(parentType)
                ?? throw new InvalidOperationException($"Unknown type \"{parentType}\".");
            definition = type.FindField(name)
                ?? throw new InvalidOperationException($"Cannot query field \"{name}\" on type \"{parentType}\".");
        }

        SelectionSet? inner = null;
        if (field.SelectionSet is not null)
        {
            var innerParent = definition?.Type.NamedType ?? (name == "__schema" ? "__Schema" : "__Type");
            inner = definition is null
                ? new SelectionSet(innerParent, Array.Empty<Selection>())
                : Build(innerParent, field.SelectionSet);
        }

        return new FieldSelection(name, alias, field.Arguments, definition, inner, conditions, field.Location, field);
    }

    /// <summary>Returns false when a literal condition excludes the node.</summary>
    private static bool TryConditions(GraphQLDirectives? directives, out IReadOnlyList<InclusionCondition> conditions)
    {
        conditions = Array.Empty<InclusionCondition>();
        if (directives is null)
        {
            return true;
        }

        List<InclusionCondition>? list = null;
        foreach (var directive in directives.Items)
        {
            var name = directive.Name.Value;
            var skip = name == "skip";
            if (!skip && name != "include")
            {
                continue;
            }

            switch (Ast.Argument(directive, "if"))
            {
                case GraphQLBooleanValue b:
                    if (b.BoolValue == skip)
                    {
                        return false;
                    }

                    break;
                case GraphQLVariable v:
                    (list ??= new List<InclusionCondition>()).Add(new InclusionCondition(v.Name.StringValue, skip));
                    break;
            }
        }

        if (list is not null)
        {
            conditions = list;
        }

        return true;
    }
}
