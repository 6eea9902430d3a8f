using GraphQLParser.AST;

namespace FederatedGateway.Core.Internal;

/// <summary>Small helpers to read GraphQLParser AST nodes.</summary>
internal static class Ast
{
    public static string Name(GraphQLName name) => name.StringValue;

    public static IEnumerable<GraphQLDirective> Directives(GraphQLDirectives? directives, string name)
    {
        if (directives is null)
        {
            yield break;
        }

        foreach (var directive in directives.Items)
        {
            if (directive.Name.Value == name)
            {
                yield return directive;
            }
        }
    }

    public static GraphQLDirective? Directive(GraphQLDirectives? directives, string name)
    {
        if (directives is null)
        {
            return null;
        }

        foreach (var directive in directives.Items)
        {
            if (directive.Name.Value == name)
            {
                return directive;
            }
        }

        return null;
    }

    public static GraphQLValue? Argument(GraphQLDirective directive, string name)
    {
        if (directive.Arguments is null)
        {
            return null;
        }

        foreach (var arg in directive.Arguments.Items)
        {
            if (arg.Name.Value == name)
            {
                return arg.Value;
            }
        }

        return null;
    }

    public static string? StringArgument(GraphQLDirective directive, string name) => Argument(directive, name) switch
    {
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLEnumValue e => e.Name.StringValue,
        _ => null,
    };

    public static bool? BoolArgument(GraphQLDirective directive, string name) => Argument(directive, name) switch
    {
        GraphQLBooleanValue b => b.BoolValue,
        _ => null,
    };

    public static string? Description(GraphQLDescription? description) => description?.Value.ToString();
}
