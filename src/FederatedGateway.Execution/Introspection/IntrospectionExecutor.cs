using System.Text;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using GraphQL;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Execution.Introspection;

/// <summary>
/// Answers <c>__schema</c> and <c>__type</c> root fields from the API schema (GraphQL.NET executes only
/// those fields; nothing reaches a subgraph).
/// </summary>
public sealed class IntrospectionExecutor
{
    private readonly GraphQL.Types.ISchema _schema;
    private readonly DocumentExecuter _executer = new();

    public IntrospectionExecutor(GraphQL.Types.ISchema schema)
    {
        _schema = schema;
    }

    /// <summary>Returns the UTF-8 JSON object of the introspection root fields (by response name).</summary>
    public async ValueTask<byte[]> ExecuteAsync(PreparedOperation operation, JsonElement variables, CancellationToken cancellationToken)
    {
        var query = IntrospectionDocument(operation);
        var result = await _executer.ExecuteAsync(options =>
        {
            options.Schema = _schema;
            options.Query = query;
            options.Variables = variables.ValueKind == JsonValueKind.Object ? VariableInputs.Read(variables) : Inputs.Empty;
            options.ValidationRules = Array.Empty<GraphQL.Validation.IValidationRule>();
            options.CancellationToken = cancellationToken;
            options.ThrowOnUnhandledException = false;
        }).ConfigureAwait(false);

        return IntrospectionResultWriter.DataJson(result) ?? "{}"u8.ToArray();
    }

    private static string IntrospectionDocument(PreparedOperation operation)
    {
        var printer = new SDLPrinter();
        var sb = new StringBuilder("query");
        if (operation.Definition.Variables is { Items.Count: > 0 } variables)
        {
            printer.Print(variables, sb);
        }

        sb.Append(" {\n");
        foreach (var selection in operation.Definition.SelectionSet.Selections)
        {
            if (selection is GraphQLField { Name.StringValue: "__schema" or "__type" } field)
            {
                printer.Print(field, sb);
                sb.Append('\n');
            }
        }

        sb.Append("}\n");
        foreach (var fragment in operation.Document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            printer.Print(fragment, sb);
            sb.Append('\n');
        }

        return sb.ToString();
    }
}
