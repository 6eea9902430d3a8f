using System.Text;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Testing.Composition;

/// <summary>
/// Canonical text of a supergraph for comparisons that ignore the order of definitions, fields, enum values, union
/// members, interfaces, directives, arguments, locations and the items of lists given to directives (such as
/// <c>@link(import:)</c>), and the quoting and line breaks of descriptions. Everything else (names, types, argument
/// values, default values, descriptions' words) must match.
/// </summary>
public static class SupergraphNormalizer
{
    /// <summary>The first line where the canonical texts of <paramref name="expected"/> and <paramref name="actual"/> differ, or null.</summary>
    public static string? FirstDifference(string expected, string actual)
    {
        var differences = SupergraphDiff.Compare(expected, actual, maxDifferences: 1);
        return differences.Count == 0 ? null : differences[0].ToString();
    }

    /// <summary>The canonical text: one block per definition, blocks sorted, members sorted within each block.</summary>
    public static string Normalize(string sdl) =>
        string.Join("\n", Definitions(sdl).Select(d => d.Text).OrderBy(b => b, StringComparer.Ordinal));

    /// <summary>The canonical definitions of <paramref name="sdl"/>, each with a key naming it (<c>type Query</c>, <c>directive @key</c>, <c>schema</c>).</summary>
    /// <exception cref="GraphQLParser.Exceptions.GraphQLSyntaxErrorException">The SDL does not parse.</exception>
    public static IReadOnlyList<CanonicalDefinition> Definitions(string sdl)
    {
        var document = GraphQLParser.Parser.Parse(sdl, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.All });
        return document.Definitions.Select(d => new CanonicalDefinition(Key(d), Definition(d))).ToList();
    }

    private static string Key(ASTNode node) => node switch
    {
        GraphQLSchemaDefinition => "schema",
        GraphQLDirectiveDefinition directive => "directive @" + directive.Name.StringValue,
        GraphQLTypeDefinition type => Keyword(type) + " " + type.Name.StringValue,
        _ => Print(node).Split('\n')[0],
    };

    private static string Keyword(GraphQLTypeDefinition type) => type switch
    {
        GraphQLObjectTypeDefinition => "type",
        GraphQLInterfaceTypeDefinition => "interface",
        GraphQLUnionTypeDefinition => "union",
        GraphQLEnumTypeDefinition => "enum",
        GraphQLInputObjectTypeDefinition => "input",
        GraphQLScalarTypeDefinition => "scalar",
        _ => type.Kind.ToString(),
    };

    private static string Definition(ASTNode node)
    {
        var sb = new StringBuilder();
        switch (node)
        {
            case GraphQLSchemaDefinition schema:
                sb.Append(Description(schema.Description)).Append("schema").Append(Directives(schema.Directives));
                foreach (var root in schema.OperationTypes.OrderBy(o => o.Operation))
                {
                    sb.Append("\n  ").Append(root.Operation).Append(": ").Append(root.Type!.Name.StringValue);
                }

                break;
            case GraphQLDirectiveDefinition directive:
                sb.Append(Description(directive.Description)).Append("directive @").Append(directive.Name.StringValue).Append(Arguments(directive.Arguments?.Items))
                    .Append(directive.Repeatable ? " repeatable" : "").Append(" on ")
                    .AppendJoin(" | ", directive.Locations.Items.Select(l => l.ToString()).OrderBy(l => l, StringComparer.Ordinal));
                break;
            case GraphQLTypeDefinition type:
                sb.Append(Description(type.Description)).Append(Keyword(type)).Append(' ').Append(type.Name.StringValue);
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
            : "(" + string.Join(", ", d.Arguments.Items.Select(a => a.Name.StringValue + ": " + DirectiveValue(a.Value)).OrderBy(a => a, StringComparer.Ordinal)) + ")"));
        return string.Concat(printed.OrderBy(p => p, StringComparer.Ordinal).Select(p => " " + p));
    }

    /// <summary>A directive argument's value with list items and object fields in sorted order (they are sets in supergraph directives).</summary>
    private static string DirectiveValue(GraphQLValue value) => value switch
    {
        GraphQLListValue list => "[" + string.Join(", ", (list.Values ?? new List<GraphQLValue>()).Select(DirectiveValue).OrderBy(v => v, StringComparer.Ordinal)) + "]",
        GraphQLObjectValue obj => "{" + string.Join(", ", (obj.Fields ?? new List<GraphQLObjectField>()).Select(f => f.Name.StringValue + ": " + DirectiveValue(f.Value)).OrderBy(f => f, StringComparer.Ordinal)) + "}",
        _ => Print(value),
    };

    private static string Description(GraphQLDescription? description) =>
        description is null ? "" : "\"" + string.Join(" ", description.Value.ToString().Split(new[] { '\n', '\r', ' ' }, StringSplitOptions.RemoveEmptyEntries)) + "\" ";

    private static string Print(ASTNode node) => new SDLPrinter().Print(node);
}
