using System.Text;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Testing.Composition;

/// <summary>
/// Canonical text of a supergraph for comparisons that ignore the order of definitions, fields, enum values,
/// directives, arguments and locations, and the quoting style of descriptions.
/// </summary>
public static class SupergraphNormalizer
{
    /// <summary>The first line where the canonical texts of <paramref name="expected"/> and <paramref name="actual"/> differ, or null.</summary>
    public static string? FirstDifference(string expected, string actual)
    {
        var left = Normalize(expected).Split('\n');
        var right = Normalize(actual).Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "(end)";
            var r = i < right.Length ? right[i] : "(end)";
            if (l != r)
            {
                return $"line {i + 1}: expected `{l}` but was `{r}`";
            }
        }

        return null;
    }

    public static string Normalize(string sdl)
    {
        var document = GraphQLParser.Parser.Parse(sdl, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.All });
        var blocks = document.Definitions.Select(Definition).OrderBy(b => b, StringComparer.Ordinal);
        return string.Join("\n", blocks);
    }

    private static string Definition(ASTNode node)
    {
        var sb = new StringBuilder();
        switch (node)
        {
            case GraphQLSchemaDefinition schema:
                sb.Append("schema").Append(Directives(schema.Directives));
                foreach (var root in schema.OperationTypes.OrderBy(o => o.Operation))
                {
                    sb.Append("\n  ").Append(root.Operation).Append(": ").Append(root.Type!.Name.StringValue);
                }

                break;
            case GraphQLDirectiveDefinition directive:
                sb.Append("directive @").Append(directive.Name.StringValue).Append(Arguments(directive.Arguments?.Items))
                    .Append(directive.Repeatable ? " repeatable" : "").Append(" on ")
                    .AppendJoin(" | ", directive.Locations.Items.Select(l => l.ToString()).OrderBy(l => l, StringComparer.Ordinal));
                break;
            case GraphQLTypeDefinition type:
                sb.Append(Description(type.Description)).Append(type.Kind).Append(' ').Append(type.Name.StringValue);
                if (type is IHasInterfacesNode { Interfaces: not null } withInterfaces)
                {
                    sb.Append(" implements ").AppendJoin(" & ", withInterfaces.Interfaces.Items.Select(i => i.Name.StringValue).OrderBy(n => n, StringComparer.Ordinal));
                }

                sb.Append(Directives((type as IHasDirectivesNode)?.Directives));
                foreach (var member in Members(type).OrderBy(m => m, StringComparer.Ordinal))
                {
                    sb.Append("\n  ").Append(member);
                }

                break;
            default:
                sb.Append(Print(node));
                break;
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Members(GraphQLTypeDefinition type) => type switch
    {
        GraphQLObjectTypeDefinition o => o.Fields?.Items.Select(Field) ?? Enumerable.Empty<string>(),
        GraphQLInterfaceTypeDefinition i => i.Fields?.Items.Select(Field) ?? Enumerable.Empty<string>(),
        GraphQLInputObjectTypeDefinition input => input.Fields?.Items.Select(InputValue) ?? Enumerable.Empty<string>(),
        GraphQLEnumTypeDefinition e => e.Values?.Items.Select(v => Description(v.Description) + v.Name.StringValue + Directives(v.Directives)) ?? Enumerable.Empty<string>(),
        GraphQLUnionTypeDefinition u => u.Types?.Items.Select(t => "| " + t.Name.StringValue) ?? Enumerable.Empty<string>(),
        _ => Enumerable.Empty<string>(),
    };

    private static string Field(GraphQLFieldDefinition field) =>
        Description(field.Description) + field.Name.StringValue + Arguments(field.Arguments?.Items) + ": " + Print(field.Type) + Directives(field.Directives);

    private static string InputValue(GraphQLInputValueDefinition value) =>
        Description(value.Description) + value.Name.StringValue + ": " + Print(value.Type)
        + (value.DefaultValue is null ? "" : " = " + Print(value.DefaultValue)) + Directives(value.Directives);

    private static string Arguments(IEnumerable<GraphQLInputValueDefinition>? arguments)
    {
        var list = arguments?.Select(InputValue).OrderBy(a => a, StringComparer.Ordinal).ToList();
        return list is null || list.Count == 0 ? "" : "(" + string.Join(", ", list) + ")";
    }

    private static string Directives(GraphQLDirectives? directives)
    {
        if (directives is null)
        {
            return "";
        }

        var printed = directives.Items.Select(d => "@" + d.Name.StringValue + (d.Arguments is null || d.Arguments.Items.Count == 0
            ? ""
            : "(" + string.Join(", ", d.Arguments.Items.Select(a => a.Name.StringValue + ": " + Print(a.Value)).OrderBy(a => a, StringComparer.Ordinal)) + ")"));
        return string.Concat(printed.OrderBy(p => p, StringComparer.Ordinal).Select(p => " " + p));
    }

    private static string Description(GraphQLDescription? description) =>
        description is null ? "" : "\"" + string.Join(" ", description.Value.ToString().Split(new[] { '\n', '\r', ' ' }, StringSplitOptions.RemoveEmptyEntries)) + "\" ";

    private static string Print(ASTNode node) => new SDLPrinter().Print(node);
}
