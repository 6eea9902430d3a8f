using GraphQL.Types;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// All the occurrences of one response name that are the same field: same position, parent type, field name and
/// arguments. They can never conflict with each other, so they are compared with other variants once, whatever
/// their number; their selection sets are merged. Directives do not tell fields apart (the spec's field merging
/// ignores them).
/// </summary>
internal sealed class FieldVariant
{
    private List<GraphQLSelectionSet>? _selectionSets;

    public FieldVariant(VariantKey key, GraphQLField field, FieldType definition)
    {
        Key = key;
        Field = field;
        Definition = definition;
    }

    /// <summary>Its arguments are printed only once the group has a second occurrence (null until then).</summary>
    public VariantKey Key { get; set; }

    /// <summary>The first occurrence, named in error messages.</summary>
    public GraphQLField Field { get; }

    public FieldType Definition { get; }

    public IReadOnlyList<GraphQLSelectionSet> SelectionSets => (IReadOnlyList<GraphQLSelectionSet>?)_selectionSets ?? Array.Empty<GraphQLSelectionSet>();

    public void Add(GraphQLField occurrence)
    {
        if (occurrence.SelectionSet is not null)
        {
            (_selectionSets ??= new List<GraphQLSelectionSet>()).Add(occurrence.SelectionSet);
        }
    }
}

/// <summary>What makes two occurrences of a response name the same field (<see cref="ArgumentsKey"/> for the arguments).</summary>
internal readonly record struct VariantKey(SelectionPosition Position, IGraphType ParentType, string FieldName, string? Arguments);
