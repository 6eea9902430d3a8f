using System.Text;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Execution.Authorization;

/// <summary>
/// Prints the client's operation without the fields the caller may not see: the operation and the fragments it
/// still reaches, every selection set that lost all its fields given <c>__typename</c>, every field's selection set
/// given <c>__typename</c> too (the response is redacted by runtime type), and only the variables still used.
/// The result is an ordinary document, prepared and planned like any other (and cached by its text, so per
/// authorization outcome rather than per caller).
/// </summary>
internal sealed class AuthorizedDocumentPrinter
{
    private readonly Func<GraphQLField, bool> _isDenied;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedVariables = new(StringComparer.Ordinal);
    private readonly SDLPrinter _printer = new();

    private AuthorizedDocumentPrinter(GraphQLDocument document, Func<GraphQLField, bool> isDenied)
    {
        _isDenied = isDenied;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
    }

    public static string Print(GraphQLDocument document, GraphQLOperationDefinition operation, Func<GraphQLField, bool> isDenied) =>
        new AuthorizedDocumentPrinter(document, isDenied).Print(operation);

    private string Print(GraphQLOperationDefinition operation)
    {
        var body = new StringBuilder();
        var pending = new Queue<string>();
        var printed = new HashSet<string>(StringComparer.Ordinal);
        WriteDirectives(body, operation.Directives);
        WriteSelectionSet(body, operation.SelectionSet, addTypename: false, pending);
        var fragments = new StringBuilder();
        while (pending.TryDequeue(out var name))
        {
            if (!printed.Add(name) || !_fragments.TryGetValue(name, out var fragment))
            {
                continue;
            }

            fragments.Append("\nfragment ").Append(name).Append(" on ").Append(fragment.TypeCondition.Type.Name.StringValue);
            WriteDirectives(fragments, fragment.Directives);
            WriteSelectionSet(fragments, fragment.SelectionSet, addTypename: false, pending);
        }

        var head = new StringBuilder(operation.Operation switch
        {
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "query",
        });
        if (operation.Name is { } operationName)
        {
            head.Append(' ').Append(operationName.StringValue);
        }

        var variables = operation.Variables?.Items.Where(v => _usedVariables.Contains(v.Variable.Name.StringValue)).ToList() ?? [];
        if (variables.Count > 0)
        {
            head.Append('(').AppendJoin(", ", variables.Select(v => _printer.Print(v))).Append(')');
        }

        return head.Append(body).Append(fragments).ToString();
    }

    private void WriteSelectionSet(StringBuilder text, GraphQLSelectionSet selectionSet, bool addTypename, Queue<string> pending)
    {
        text.Append(" {");
        var written = 0;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when _isDenied(field):
                    continue;
                case GraphQLField field:
                    text.Append(' ');
                    if (field.Alias is { } alias)
                    {
                        text.Append(alias.Name.StringValue).Append(": ");
                    }

                    text.Append(field.Name.StringValue);
                    if (field.Arguments is { Items.Count: > 0 } arguments)
                    {
                        text.Append('(').AppendJoin(", ", arguments.Items.Select(PrintUsing)).Append(')');
                    }

                    WriteDirectives(text, field.Directives);
                    if (field.SelectionSet is { } inner)
                    {
                        WriteSelectionSet(text, inner, addTypename: true, pending);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    text.Append(" ...");
                    if (inline.TypeCondition is { } condition)
                    {
                        text.Append(" on ").Append(condition.Type.Name.StringValue);
                    }

                    WriteDirectives(text, inline.Directives);
                    WriteSelectionSet(text, inline.SelectionSet, addTypename: false, pending);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    text.Append(" ...").Append(name);
                    WriteDirectives(text, spread.Directives);
                    pending.Enqueue(name);
                    break;
            }

            written++;
        }

        if (addTypename || written == 0)
        {
            text.Append(" __typename");
        }

        text.Append(" }");
    }

    private void WriteDirectives(StringBuilder text, GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            text.Append(" @").Append(directive.Name.StringValue);
            if (directive.Arguments is { Items.Count: > 0 } arguments)
            {
                text.Append('(').AppendJoin(", ", arguments.Items.Select(PrintUsing)).Append(')');
            }
        }
    }

    /// <summary>Prints an argument and notes the variables it uses.</summary>
    private string PrintUsing(GraphQLArgument argument)
    {
        NoteVariables(argument.Value);
        return argument.Name.StringValue + ": " + _printer.Print(argument.Value);
    }

    private void NoteVariables(GraphQLValue value)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                _usedVariables.Add(variable.Name.StringValue);
                break;
            case GraphQLListValue { Values: { } values }:
                foreach (var item in values)
                {
                    NoteVariables(item);
                }

                break;
            case GraphQLObjectValue { Fields: { } fields }:
                foreach (var field in fields)
                {
                    NoteVariables(field.Value);
                }

                break;
        }
    }
}
