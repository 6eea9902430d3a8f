using System.Text;
using FederatedGateway.Core.Text;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Schema;

/// <summary>
/// Prints the client-facing API schema of a supergraph: no join/link machinery and no
/// <c>@inaccessible</c> elements.
/// </summary>
public static class ApiSchemaPrinter
{
    public static string Print(FederatedSchema schema)
    {
        var sb = new StringBuilder();
        var p = new SDLPrinter();
        if (schema.QueryType != "Query" || (schema.MutationType ?? "Mutation") != "Mutation" || (schema.SubscriptionType ?? "Subscription") != "Subscription")
        {
            sb.Append("schema {\n  query: ").Append(schema.QueryType).Append('\n');
            if (schema.MutationType is not null)
            {
                sb.Append("  mutation: ").Append(schema.MutationType).Append('\n');
            }

            if (schema.SubscriptionType is not null)
            {
                sb.Append("  subscription: ").Append(schema.SubscriptionType).Append('\n');
            }

            sb.Append("}\n\n");
        }

        foreach (var directive in schema.ApiDirectives)
        {
            p.Print(directive, sb);
            sb.Append("\n\n");
        }

        foreach (var type in schema.Types.Values)
        {
            if (type.Inaccessible || type.IsBuiltIn)
            {
                continue;
            }

            PrintType(schema, type, sb, p);
            sb.Append('\n');
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    private static void PrintType(FederatedSchema schema, SchemaType type, StringBuilder sb, SDLPrinter p)
    {
        Description(sb, type.Description, "");
        switch (type.Kind)
        {
            case TypeKind.Scalar:
                sb.Append("scalar ").Append(type.Name);
                if (type.SpecifiedByUrl is not null)
                {
                    sb.Append(" @specifiedBy(url: ");
                    QuotedString(sb, type.SpecifiedByUrl);
                    sb.Append(')');
                }

                sb.Append('\n');
                return;
            case TypeKind.Object or TypeKind.Interface:
                sb.Append(type.Kind == TypeKind.Object ? "type " : "interface ").Append(type.Name);
                var interfaces = type.Interfaces.Where(i => schema.FindType(i) is { Inaccessible: false }).ToList();
                if (interfaces.Count > 0)
                {
                    sb.Append(" implements ").Append(string.Join(" & ", interfaces));
                }

                sb.Append(" {\n");
                foreach (var name in type.FieldOrder)
                {
                    var field = type.Fields[name];
                    if (!IsVisible(schema, field))
                    {
                        continue;
                    }

                    Description(sb, field.Description, "  ");
                    sb.Append("  ").Append(field.Name);
                    Arguments(schema, field.Arguments, sb, p);
                    sb.Append(": ");
                    field.Type.Append(sb);
                    Deprecated(sb, field.IsDeprecated, field.DeprecationReason);
                    sb.Append('\n');
                }

                sb.Append("}\n");
                return;
            case TypeKind.Union:
                sb.Append("union ").Append(type.Name).Append(" = ")
                  .Append(string.Join(" | ", type.UnionMembers.Where(m => schema.FindType(m) is { Inaccessible: false }))).Append('\n');
                return;
            case TypeKind.Enum:
                sb.Append("enum ").Append(type.Name).Append(" {\n");
                foreach (var value in type.EnumValues)
                {
                    if (value.Inaccessible)
                    {
                        continue;
                    }

                    Description(sb, value.Description, "  ");
                    sb.Append("  ").Append(value.Name);
                    Deprecated(sb, value.IsDeprecated, value.DeprecationReason);
                    sb.Append('\n');
                }

                sb.Append("}\n");
                return;
            case TypeKind.InputObject:
                sb.Append("input ").Append(type.Name).Append(type.IsOneOf ? " @oneOf {\n" : " {\n");
                foreach (var field in type.InputFields)
                {
                    if (field.Inaccessible)
                    {
                        continue;
                    }

                    Description(sb, field.Description, "  ");
                    sb.Append("  ");
                    InputValue(field, sb, p);
                    sb.Append('\n');
                }

                sb.Append("}\n");
                return;
        }
    }

    /// <summary>A field is visible when neither it nor its type is inaccessible.</summary>
    public static bool IsVisible(FederatedSchema schema, SchemaField field) =>
        !field.Inaccessible && schema.FindType(field.Type.NamedType) is { Inaccessible: false };

    private static void Arguments(FederatedSchema schema, IReadOnlyList<SchemaArgument> arguments, StringBuilder sb, SDLPrinter p)
    {
        var visible = arguments.Where(a => !a.Inaccessible && schema.FindType(a.Type.NamedType) is { Inaccessible: false }).ToList();
        if (visible.Count == 0)
        {
            return;
        }

        var multiline = visible.Any(a => a.Description is not null);
        sb.Append('(');
        for (var i = 0; i < visible.Count; i++)
        {
            if (multiline)
            {
                sb.Append("\n");
                Description(sb, visible[i].Description, "    ");
                sb.Append("    ");
            }
            else if (i > 0)
            {
                sb.Append(", ");
            }

            InputValue(visible[i], sb, p);
        }

        sb.Append(multiline ? "\n  )" : ")");
    }

    private static void InputValue(SchemaArgument argument, StringBuilder sb, SDLPrinter p)
    {
        sb.Append(argument.Name).Append(": ");
        argument.Type.Append(sb);
        if (argument.DefaultValue is not null)
        {
            sb.Append(" = ");
            p.Print(argument.DefaultValue, sb);
        }

        Deprecated(sb, argument.IsDeprecated, argument.DeprecationReason);
    }

    private static void Deprecated(StringBuilder sb, bool deprecated, string? reason)
    {
        if (!deprecated)
        {
            return;
        }

        sb.Append(" @deprecated");
        if (reason is not null && reason != "No longer supported")
        {
            sb.Append("(reason: ");
            QuotedString(sb, reason);
            sb.Append(')');
        }
    }

    private static void Description(StringBuilder sb, string? description, string indent)
    {
        if (description is null)
        {
            return;
        }

        sb.Append(indent).Append("\"\"\"\n");
        foreach (var line in description.Split('\n'))
        {
            sb.Append(indent).Append(line.Replace("\"\"\"", "\\\"\"\"")).Append('\n');
        }

        sb.Append(indent).Append("\"\"\"\n");
    }

    private static void QuotedString(StringBuilder sb, string value)
    {
        sb.Append(JsonText.Quote(value));
    }
}
