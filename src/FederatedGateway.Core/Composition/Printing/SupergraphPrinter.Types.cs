using System.Text;
using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Printing;

internal static partial class SupergraphPrinter
{
    private static string PrintType(MergedType type, IReadOnlyDictionary<string, string> names)
    {
        var sb = new StringBuilder();
        SdlWriter.Description(sb, type.Description, "");
        sb.Append(Kinds.Keyword(type.Kind)).Append(' ').Append(type.Name);
        if (type.Implements.Count > 0)
        {
            sb.Append(" implements ").AppendJoin(" & ", type.Implements);
        }

        foreach (var (graph, name) in type.JoinImplements)
        {
            sb.Append("\n  @join__implements(graph: ").Append(graph.GraphEnumValue).Append(", interface: ").Append(SdlWriter.Quote(name)).Append(')');
        }

        foreach (var join in type.JoinTypes)
        {
            sb.Append("\n  @join__type(graph: ").Append(join.Graph.GraphEnumValue);
            if (join.Key is not null)
            {
                sb.Append(", key: ").Append(SdlWriter.Quote(join.Key));
            }

            if (join.Extension)
            {
                sb.Append(", extension: true");
            }

            if (join.Resolvable is not null)
            {
                sb.Append(", resolvable: ").Append(join.Resolvable.Value ? "true" : "false");
            }

            if (join.IsInterfaceObject)
            {
                sb.Append(", isInterfaceObject: true");
            }

            sb.Append(')');
        }

        foreach (var (graph, member) in type.JoinUnionMembers)
        {
            sb.Append("\n  @join__unionMember(graph: ").Append(graph.GraphEnumValue).Append(", member: ").Append(SdlWriter.Quote(member)).Append(')');
        }

        AppendElementDirectives(sb, type, "\n  ", names);
        if (type.SpecifiedByUrl is not null)
        {
            sb.Append("\n  @specifiedBy(url: ").Append(SdlWriter.Quote(type.SpecifiedByUrl)).Append(')');
        }

        switch (type.Kind)
        {
            case TypeKind.Object or TypeKind.Interface or TypeKind.InputObject:
                sb.Append("\n{\n");
                foreach (var field in type.Fields)
                {
                    PrintField(sb, field, type.Kind == TypeKind.InputObject, names);
                }

                sb.Append("}\n");
                break;
            case TypeKind.Union:
                sb.Append("\n  = ").AppendJoin(" | ", type.UnionMembers).Append('\n');
                break;
            case TypeKind.Enum:
                sb.Append("\n{\n");
                foreach (var value in type.EnumValues)
                {
                    SdlWriter.Description(sb, value.Description, "  ");
                    sb.Append("  ").Append(value.Name);
                    AppendElementDirectives(sb, value, " ", names);
                    foreach (var graph in value.Graphs)
                    {
                        sb.Append(" @join__enumValue(graph: ").Append(graph.GraphEnumValue).Append(')');
                    }

                    sb.Append('\n');
                }

                sb.Append("}\n");
                break;
            default:
                sb.Append('\n');
                break;
        }

        return sb.ToString();
    }

    private static void PrintField(StringBuilder sb, MergedField field, bool isInput, IReadOnlyDictionary<string, string> names)
    {
        SdlWriter.Description(sb, field.Description, "  ");
        sb.Append("  ").Append(field.Name);
        if (field.Arguments.Count > 0)
        {
            var multiline = field.Arguments.Exists(a => a.Description is not null);
            sb.Append('(');
            for (var i = 0; i < field.Arguments.Count; i++)
            {
                var argument = field.Arguments[i];
                if (multiline)
                {
                    sb.Append('\n');
                    SdlWriter.Description(sb, argument.Description, "    ");
                    sb.Append("    ");
                }
                else if (i > 0)
                {
                    sb.Append(", ");
                }

                sb.Append(argument.Name).Append(": ").Append(argument.Type);
                if (argument.DefaultValue is not null)
                {
                    sb.Append(" = ").Append(AstText.Print(argument.DefaultValue));
                }

                AppendElementDirectives(sb, argument, " ", names);
            }

            sb.Append(multiline ? "\n  )" : ")");
        }

        sb.Append(": ").Append(field.Type);
        if (isInput && field.DefaultValue is not null)
        {
            sb.Append(" = ").Append(AstText.Print(field.DefaultValue));
        }

        AppendElementDirectives(sb, field, " ", names);
        if (field.PrintJoins)
        {
            foreach (var join in field.Joins)
            {
                AppendJoinField(sb, join);
            }
        }

        sb.Append('\n');
    }

    private static void AppendJoinField(StringBuilder sb, JoinField join)
    {
        if (join.Graph is null)
        {
            sb.Append(" @join__field");
            return;
        }

        sb.Append(" @join__field(graph: ").Append(join.Graph.GraphEnumValue);
        if (join.Requires is not null)
        {
            sb.Append(", requires: ").Append(SdlWriter.Quote(join.Requires));
        }

        if (join.Provides is not null)
        {
            sb.Append(", provides: ").Append(SdlWriter.Quote(join.Provides));
        }

        if (join.Type is not null)
        {
            sb.Append(", type: ").Append(SdlWriter.Quote(join.Type));
        }

        if (join.External)
        {
            sb.Append(", external: true");
        }

        if (join.Override is not null)
        {
            sb.Append(", override: ").Append(SdlWriter.Quote(join.Override));
        }

        if (join.UsedOverridden)
        {
            sb.Append(", usedOverridden: true");
        }

        if (join.OverrideLabel is not null)
        {
            sb.Append(", overrideLabel: ").Append(SdlWriter.Quote(join.OverrideLabel));
        }

        sb.Append(')');
    }

    private static void AppendElementDirectives(StringBuilder sb, MergedElement element, string separator, IReadOnlyDictionary<string, string> names)
    {
        if (element.IsDeprecated)
        {
            sb.Append(separator).Append("@deprecated");
            if (element.DeprecationReason is not null && element.DeprecationReason != "No longer supported")
            {
                sb.Append("(reason: ").Append(SdlWriter.Quote(element.DeprecationReason)).Append(')');
            }
        }

        if (element.IsInaccessible)
        {
            sb.Append(separator).Append("@inaccessible");
        }

        foreach (var tag in element.Tags)
        {
            sb.Append(separator).Append("@tag(name: ").Append(SdlWriter.Quote(tag)).Append(')');
        }

        foreach (var directive in element.CustomDirectives)
        {
            sb.Append(separator).Append(AstText.Print(directive).Trim());
        }

        AppendAccessAndCost(sb, element.AccessAndCost, separator, names);
    }
}
