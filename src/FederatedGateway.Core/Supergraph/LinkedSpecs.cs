using FederatedGateway.Core.Internal;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Supergraph;

/// <summary>
/// The specs a supergraph links with <c>@link</c> and the names they use in this document
/// (a spec may be renamed with <c>as:</c>; its elements are then <c>@as__name</c> and <c>as__Type</c>).
/// </summary>
internal sealed class LinkedSpecs
{
    private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _importedDirectives = new(StringComparer.Ordinal);

    public string Join { get; private set; } = "join";

    public string Link { get; private set; } = "link";

    public string Inaccessible { get; private set; } = "inaccessible";

    public string JoinVersion { get; private set; } = "v0.3";

    public static LinkedSpecs Read(IEnumerable<GraphQLDirectives?> schemaDirectives)
    {
        var specs = new LinkedSpecs();
        foreach (var directives in schemaDirectives)
        {
            if (directives is null)
            {
                continue;
            }

            foreach (var directive in directives.Items)
            {
                var directiveName = directive.Name.StringValue;
                if (directiveName != "link" && directiveName != "core")
                {
                    continue;
                }

                var url = Ast.StringArgument(directive, "url") ?? Ast.StringArgument(directive, "feature");
                if (url is null)
                {
                    continue;
                }

                specs.Add(url, Ast.StringArgument(directive, "as"), Ast.Argument(directive, "import"));
            }
        }

        specs._prefixes.Add(specs.Link);
        specs._prefixes.Add(specs.Join);
        return specs;
    }

    private void Add(string url, string? alias, GraphQLValue? imports)
    {
        var trimmed = url.TrimEnd('/');
        var versionStart = trimmed.LastIndexOf('/');
        if (versionStart <= 0)
        {
            return;
        }

        var version = trimmed[(versionStart + 1)..];
        var withoutVersion = trimmed[..versionStart];
        var specName = withoutVersion[(withoutVersion.LastIndexOf('/') + 1)..];
        var name = alias ?? specName;
        var isApolloSpec = url.Contains("specs.apollo.dev", StringComparison.Ordinal);
        switch (specName)
        {
            case "join" when isApolloSpec:
                Join = name;
                JoinVersion = version;
                break;
            case "link" or "core" when isApolloSpec:
                Link = name;
                break;
            case "inaccessible" when isApolloSpec:
                Inaccessible = name;
                break;
        }

        if (isApolloSpec)
        {
            _prefixes.Add(name);
            if (imports is GraphQLListValue list && list.Values is not null)
            {
                foreach (var item in list.Values)
                {
                    var imported = item switch
                    {
                        GraphQLStringValue s => s.Value.ToString(),
                        GraphQLObjectValue o => ImportAlias(o),
                        _ => null,
                    };
                    if (imported is not null && imported.StartsWith('@'))
                    {
                        _importedDirectives.Add(imported[1..]);
                        if (imported[1..] == "inaccessible" || (specName == "inaccessible"))
                        {
                            Inaccessible = imported[1..];
                        }
                    }
                }
            }
        }
    }

    private static string? ImportAlias(GraphQLObjectValue value)
    {
        string? name = null, alias = null;
        foreach (var field in value.Fields ?? new List<GraphQLObjectField>())
        {
            var v = (field.Value as GraphQLStringValue)?.Value.ToString();
            if (field.Name.Value == "name")
            {
                name = v;
            }
            else if (field.Name.Value == "as")
            {
                alias = v;
            }
        }

        return alias ?? name;
    }

    public string JoinDirective(string name) => Join + "__" + name;

    /// <summary>True for directives and types that belong to a linked Apollo spec and never reach the API schema.</summary>
    public bool IsSpecElement(string name)
    {
        if (_prefixes.Contains(name) || _importedDirectives.Contains(name))
        {
            return true;
        }

        var separator = name.IndexOf("__", StringComparison.Ordinal);
        return separator > 0 && _prefixes.Contains(name[..separator]);
    }
}
