using GraphQL.Types;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Collects the fields of a <see cref="MergedSelectionSet"/> into groups by response name, through inline fragments
/// and fragment spreads (a fragment spread again at the same position adds nothing new and is expanded once).
/// Iterative, and every field collected counts against a budget: fragments spread inside fragments can multiply an
/// operation's size, and past the budget the operation is refused as the normalizer would refuse it.
/// </summary>
internal sealed class FieldCollector
{
    private readonly ISchema _schema;
    private readonly IReadOnlyDictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly ArgumentsKey _arguments = new();
    private readonly int _maxFields;
    private readonly CancellationToken _cancellationToken;
    private int _collected;

    public FieldCollector(ISchema schema, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, int maxFields, CancellationToken cancellationToken)
    {
        _schema = schema;
        _fragments = fragments;
        _maxFields = maxFields;
        _cancellationToken = cancellationToken;
    }

    public IReadOnlyList<FieldGroup> Collect(MergedSelectionSet merged)
    {
        var groups = new List<FieldGroup>();
        var byResponseName = new Dictionary<string, FieldGroup>(StringComparer.Ordinal);
        var expanded = new HashSet<(string Fragment, SelectionPosition Position)>();
        var pending = new Stack<(GraphQLSelectionSet Set, IGraphType Parent, SelectionPosition Position)>();
        for (var i = merged.Parts.Count - 1; i >= 0; i--)
        {
            var part = merged.Parts[i];
            pending.Push((part.SelectionSet, part.ParentType, part.Position));
        }

        while (pending.TryPop(out var item))
        {
            // This set's own fields first, then its fragments' (pushed in reverse, so taken in document order).
            var selections = item.Set.Selections;
            for (var i = selections.Count - 1; i >= 0; i--)
            {
                switch (selections[i])
                {
                    case GraphQLInlineFragment inline:
                        var condition = inline.TypeCondition is null ? item.Parent : _schema.AllTypes[inline.TypeCondition.Type.Name.Value];
                        if (condition is not null)
                        {
                            pending.Push((inline.SelectionSet, condition, item.Position));
                        }

                        break;
                    case GraphQLFragmentSpread spread:
                        var name = spread.FragmentName.Name.StringValue;
                        if (expanded.Add((name, item.Position))
                            && _fragments.TryGetValue(name, out var fragment)
                            && _schema.AllTypes[fragment.TypeCondition.Type.Name.Value] is { } fragmentType)
                        {
                            pending.Push((fragment.SelectionSet, fragmentType, item.Position));
                        }

                        break;
                }
            }

            foreach (var selection in selections)
            {
                if (selection is GraphQLField field)
                {
                    AddField(field, item.Parent, item.Position, groups, byResponseName);
                }
            }
        }

        return groups;
    }

    private void AddField(GraphQLField field, IGraphType parent, SelectionPosition position, List<FieldGroup> groups, Dictionary<string, FieldGroup> byResponseName)
    {
        if (++_collected > _maxFields)
        {
            throw new OperationTooLargeException(_maxFields);
        }

        if ((_collected & 1023) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        var definition = Definition(parent, field);
        if (definition is null)
        {
            // An unknown field: the other rules report it (this rule runs only on documents they accepted).
            return;
        }

        var responseName = field.Alias is null ? definition.Name : field.Alias.Name.StringValue;
        if (!byResponseName.TryGetValue(responseName, out var group))
        {
            group = new FieldGroup(responseName, _arguments);
            byResponseName[responseName] = group;
            groups.Add(group);
        }

        group.Add(position, parent, field, definition);
    }

    private FieldType? Definition(IGraphType parent, GraphQLField field)
    {
        var name = field.Name.Value;
        if (name.Span.StartsWith("__", StringComparison.Ordinal))
        {
            var isRoot = ReferenceEquals(parent, _schema.Query);
            return name.Span switch
            {
                "__typename" => _schema.TypeNameMetaFieldType,
                "__schema" when isRoot => _schema.SchemaMetaFieldType,
                "__type" when isRoot => _schema.TypeMetaFieldType,
                _ => null,
            };
        }

        return (parent as IComplexGraphType)?.GetField(name);
    }
}
