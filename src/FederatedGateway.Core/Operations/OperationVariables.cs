using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Operations;

/// <summary>An operation's variable definitions, types and default values printed as written.</summary>
internal static class OperationVariables
{
    public static List<VariableDefinition> Of(GraphQLOperationDefinition operation)
    {
        var list = new List<VariableDefinition>();
        if (operation.Variables is null)
        {
            return list;
        }

        var printer = new SDLPrinter();
        foreach (var variable in operation.Variables.Items)
        {
            list.Add(new VariableDefinition(
                variable.Variable.Name.StringValue,
                printer.Print(variable.Type),
                variable.DefaultValue is null ? null : printer.Print(variable.DefaultValue)));
        }

        return list;
    }
}
