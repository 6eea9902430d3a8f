using GraphQLParser.AST;

namespace FederatedGateway.Core.Composition.Subgraphs;

/// <summary>A parsed field set (<c>@key</c>, <c>@requires</c>, <c>@provides</c>): fields with nested selections and inline fragments.</summary>
internal sealed class FieldSet
{
    private FieldSet(IReadOnlyList<FieldSetItem> items) => Items = items;

    public IReadOnlyList<FieldSetItem> Items { get; }

    /// <summary>The part of this selection that applies to <paramref name="typeName"/>: plain fields, and fragments on that type.</summary>
    public FieldSet ForType(string typeName)
    {
        var items = new List<FieldSetItem>();
        foreach (var item in Items)
        {
            if (item.Name is not null)
            {
                items.Add(item);
            }
            else if ((item.TypeCondition is null || item.TypeCondition == typeName) && item.Children is not null)
            {
                items.AddRange(item.Children.ForType(typeName).Items);
            }
        }

        return new FieldSet(items);
    }

    /// <summary>Parses <paramref name="text"/>; returns null with a message when it is not a selection set.</summary>
    public static FieldSet? TryParse(string text, out string? error)
    {
        error = null;
        try
        {
            var document = GraphQLParser.Parser.Parse("{" + text + "}", new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.All });
            if (document.Definitions.Count != 1 || document.Definitions[0] is not GraphQLOperationDefinition operation)
            {
                error = "it is not a selection set";
                return null;
            }

            return From(operation.SelectionSet);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException ex)
        {
            error = ex.Description;
            return null;
        }
    }

    private static FieldSet From(GraphQLSelectionSet selectionSet)
    {
        var items = new List<FieldSetItem>();
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    items.Add(new FieldSetItem(
                        field.Name.StringValue,
                        null,
                        field.Arguments?.Items.Count > 0,
                        field.Alias is not null,
                        field.Directives?.Items.Count > 0,
                        field.SelectionSet is null ? null : From(field.SelectionSet)));
                    break;
                case GraphQLInlineFragment fragment:
                    items.Add(new FieldSetItem(
                        null,
                        fragment.TypeCondition?.Type.Name.StringValue,
                        false,
                        false,
                        fragment.Directives?.Items.Count > 0,
                        From(fragment.SelectionSet)));
                    break;
                default:
                    items.Add(new FieldSetItem(null, null, false, false, true, null) { IsFragmentSpread = true });
                    break;
            }
        }

        return new FieldSet(items);
    }
}

/// <summary>A field (when <see cref="Name"/> is set) or an inline fragment of a field set.</summary>
internal sealed record FieldSetItem(string? Name, string? TypeCondition, bool HasArguments, bool HasAlias, bool HasDirectives, FieldSet? Children)
{
    public bool IsFragmentSpread { get; init; }
}
