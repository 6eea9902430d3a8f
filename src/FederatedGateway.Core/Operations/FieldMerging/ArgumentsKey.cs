using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// A field's arguments as one comparable string: sorted by name, values printed, so two fields have identical
/// arguments (the spec's SameArguments) exactly when their keys are equal. Empty for a field without arguments.
/// </summary>
internal sealed class ArgumentsKey
{
    private readonly SDLPrinter _printer = new();

    public string Of(GraphQLArguments? arguments)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return string.Empty;
        }

        var printed = new List<string>(arguments.Count);
        foreach (var argument in arguments.Items)
        {
            printed.Add(argument.Name.StringValue + ":" + _printer.Print(argument.Value));
        }

        printed.Sort(StringComparer.Ordinal);
        return string.Join(",", printed);
    }
}
