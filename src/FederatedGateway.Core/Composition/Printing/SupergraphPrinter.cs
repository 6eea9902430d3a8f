using System.Text;
using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Printing;

/// <summary>Prints a <see cref="MergedSchema"/> as an Apollo-format supergraph SDL (<c>@link</c> v1.0 + join).</summary>
internal static partial class SupergraphPrinter
{
    public static string Print(MergedSchema schema)
    {
        var sb = new StringBuilder(16 * 1024);
        var joinMinor = JoinMinorVersion(schema);
        PrintSchemaDefinition(sb, schema, joinMinor);

        var directives = new List<string>();
        if (schema.UsesInaccessible)
        {
            directives.Add(SpecDefinitions.Inaccessible);
        }

        directives.AddRange(SpecDefinitions.Join(joinMinor));
        directives.AddRange(AccessAndCostSpecs.Definitions(schema.AccessAndCostNames));
        directives.Add(SpecDefinitions.Link);
        if (schema.UsesTag)
        {
            directives.Add(SpecDefinitions.Tag);
        }

        foreach (var composed in schema.ComposedDirectives)
        {
            directives.Add(AstText.Print(composed.Definition).Trim());
        }

        directives.Sort(static (a, b) => string.CompareOrdinal(DirectiveName(a), DirectiveName(b)));
        foreach (var directive in directives)
        {
            sb.Append('\n').Append(directive).Append('\n');
        }

        var blocks = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (joinMinor >= 4)
        {
            blocks["join__DirectiveArguments"] = "scalar join__DirectiveArguments\n";
        }

        if (joinMinor >= 5)
        {
            blocks["join__ContextArgument"] = SpecDefinitions.JoinContextArgument + "\n";
            blocks["join__FieldValue"] = "scalar join__FieldValue\n";
        }

        foreach (var scalar in AccessAndCostSpecs.Scalars(schema.AccessAndCostNames))
        {
            blocks[scalar] = "scalar " + scalar + "\n";
        }

        blocks["join__FieldSet"] = "scalar join__FieldSet\n";
        blocks["join__Graph"] = GraphEnum(schema);
        blocks["link__Import"] = "scalar link__Import\n";
        blocks["link__Purpose"] = SpecDefinitions.LinkPurpose + "\n";
        foreach (var type in schema.Types.Values)
        {
            if (!IsBuiltInScalar(type))
            {
                blocks[type.Name] = PrintType(type, schema.AccessAndCostNames);
            }
        }

        foreach (var block in blocks.Values)
        {
            sb.Append('\n').Append(block);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The join spec version, as Apollo's composer picks it: the one the newest linked federation version needs
    /// (v0.5 from federation v2.8, v0.4 from v2.7, else v0.3), and at least v0.4 when a progressive override label is used.
    /// </summary>
    private static int JoinMinorVersion(MergedSchema schema)
    {
        var federationMinor = schema.Subgraphs.Count == 0 ? 0 : schema.Subgraphs.Max(s => s.FederationMinorVersion);
        var joinMinor = federationMinor >= 8 ? 5 : federationMinor >= 7 ? 4 : 3;
        return schema.UsesOverrideLabel ? Math.Max(joinMinor, 4) : joinMinor;
    }

    private static string DirectiveName(string definition)
    {
        var start = definition.IndexOf('@') + 1;
        var end = start;
        while (end < definition.Length && (char.IsLetterOrDigit(definition[end]) || definition[end] == '_'))
        {
            end++;
        }

        return definition[start..end];
    }

    private static bool IsBuiltInScalar(MergedType type) =>
        type.Kind == TypeKind.Scalar && type.Name is "String" or "Int" or "Float" or "Boolean" or "ID";

    private static void PrintSchemaDefinition(StringBuilder sb, MergedSchema schema, int joinMinor)
    {
        sb.Append("schema\n");
        sb.Append("  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n");
        sb.Append("  @link(url: \"").Append(SpecDefinitions.JoinUrl(joinMinor)).Append("\", for: EXECUTION)\n");
        if (schema.UsesInaccessible)
        {
            sb.Append("  @link(url: \"").Append(SpecDefinitions.InaccessibleUrl).Append("\", for: SECURITY)\n");
        }

        if (schema.UsesTag)
        {
            sb.Append("  @link(url: \"").Append(SpecDefinitions.TagUrl).Append("\")\n");
        }

        foreach (var link in AccessAndCostSpecs.Links(schema.AccessAndCostNames))
        {
            sb.Append("  ").Append(link).Append('\n');
        }

        foreach (var group in schema.ComposedDirectives.Where(d => d.LinkUrl is not null).GroupBy(d => d.LinkUrl!))
        {
            sb.Append("  @link(url: ").Append(SdlWriter.Quote(group.Key)).Append(", import: [")
                .AppendJoin(", ", group.Select(d => SdlWriter.Quote("@" + d.Name))).Append("])\n");
        }

        sb.Append("{\n  query: Query\n");
        if (schema.Types.ContainsKey("Mutation"))
        {
            sb.Append("  mutation: Mutation\n");
        }

        if (schema.Types.ContainsKey("Subscription"))
        {
            sb.Append("  subscription: Subscription\n");
        }

        sb.Append("}\n");
    }

    private static string GraphEnum(MergedSchema schema)
    {
        var sb = new StringBuilder("enum join__Graph {\n");
        foreach (var graph in schema.Subgraphs)
        {
            sb.Append("  ").Append(graph.GraphEnumValue).Append(" @join__graph(name: ").Append(SdlWriter.Quote(graph.Name))
                .Append(", url: ").Append(SdlWriter.Quote(graph.Url)).Append(")\n");
        }

        return sb.Append("}\n").ToString();
    }
}
