using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// One pass over every definition of a document (unused ones too, since they are parsed and validated as well):
/// fragment definitions, selections, aliases and the directives of each field, each against its limit. Iterative
/// (an explicit stack), so a deeply nested document cannot exhaust the call stack; stops at the first limit passed.
/// </summary>
internal static class DocumentSizeCounter
{
    public static RequestError? Check(GraphQLDocument document, OperationLimits limits, CancellationToken cancellationToken)
    {
        var fragments = 0;
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLFragmentDefinition fragment:
                    if (limits.MaxFragments > 0 && ++fragments > limits.MaxFragments)
                    {
                        return LimitError.Create(nameof(limits.MaxFragments), limits.MaxFragments, $"The document defines more than {limits.MaxFragments} fragments");
                    }

                    pending.Push(fragment.SelectionSet);
                    break;
                case GraphQLOperationDefinition operation:
                    pending.Push(operation.SelectionSet);
                    break;
            }
        }

        var selections = 0;
        var aliases = 0;
        while (pending.TryPop(out var selectionSet))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var selection in selectionSet.Selections)
            {
                if (limits.MaxSelections > 0 && ++selections > limits.MaxSelections)
                {
                    return LimitError.Create(nameof(limits.MaxSelections), limits.MaxSelections, $"The document has more than {limits.MaxSelections} selections");
                }

                switch (selection)
                {
                    case GraphQLField field:
                        if (field.Alias is not null && limits.MaxAliases > 0 && ++aliases > limits.MaxAliases)
                        {
                            return LimitError.Create(nameof(limits.MaxAliases), limits.MaxAliases, $"The document has more than {limits.MaxAliases} aliases");
                        }

                        var directives = field.Directives?.Count ?? 0;
                        if (limits.MaxDirectivesPerField > 0 && directives > limits.MaxDirectivesPerField)
                        {
                            return LimitError.Create(
                                nameof(limits.MaxDirectivesPerField),
                                limits.MaxDirectivesPerField,
                                $"The field \"{field.Name.StringValue}\" has {directives} directives") with
                            {
                                Locations = new[] { Position(document, field) },
                            };
                        }

                        if (field.SelectionSet is not null)
                        {
                            pending.Push(field.SelectionSet);
                        }

                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        return null;
    }

    private static (int Line, int Column) Position(GraphQLDocument document, ASTNode node)
    {
        var location = GraphQLParser.Location.FromLinearPosition(document.Source, node.Location.Start);
        return (location.Line, location.Column);
    }
}
