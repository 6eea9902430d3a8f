using GraphQLParser.AST;

namespace FederatedGateway.Core.Composition.Subgraphs;

/// <summary>
/// Resolves the directive names a subgraph uses to their federation meaning. A Federation 2 subgraph links
/// <c>https://specs.apollo.dev/federation/v2.x</c> and imports names (possibly renamed with <c>as</c>);
/// anything not imported is reachable as <c>@federation__name</c>. A Federation 1 subgraph uses the plain names.
/// </summary>
internal sealed class FederationDirectives
{
    /// <summary>Directives of the federation spec (v1 and v2) this composer knows.</summary>
    public static readonly string[] Known =
    {
        "key", "external", "requires", "provides", "extends", "shareable", "inaccessible", "tag", "override",
        "interfaceObject", "composeDirective", "authenticated", "requiresScopes", "policy", "context", "fromContext",
        "cost", "listSize",
    };

    /// <summary>Types of the federation spec a subgraph may import (and then define itself), with the minor version that added them.</summary>
    private static readonly Dictionary<string, int> KnownTypes = new(StringComparer.Ordinal)
    {
        ["FieldSet"] = 0, ["Scope"] = 5, ["Policy"] = 6, ["ContextFieldValue"] = 8,
    };

    private readonly Dictionary<string, string> _localToCanonical = new(StringComparer.Ordinal);

    private FederationDirectives(bool isFederation2, string? version)
    {
        IsFederation2 = isFederation2;
        Version = version;
    }

    public bool IsFederation2 { get; }

    /// <summary>The linked federation version, e.g. <c>v2.3</c>; null for Federation 1.</summary>
    public string? Version { get; }

    /// <summary>The minor version of the linked federation spec (<c>v2.9</c> is 9); 0 for Federation 1.</summary>
    public int MinorVersion => Version is not null && int.TryParse(Version.AsSpan(Version.IndexOf('.') + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor) ? minor : 0;

    /// <summary>Directives that exist only in Federation 2 subgraphs: in a Federation 1 subgraph they are unknown.</summary>
    private static readonly string[] Federation2Only = { "authenticated", "requiresScopes", "policy", "cost", "listSize" };

    /// <summary>The federation v2 minor version that introduced a directive, for those that are unknown in older links.</summary>
    private static int MinimumMinorVersion(string name) => name switch
    {
        "authenticated" or "requiresScopes" => 5,
        "policy" => 6,
        "cost" or "listSize" => 9,
        _ => 0,
    };

    /// <summary>The local name of the <c>@link</c> directive.</summary>
    public string LinkName { get; private set; } = "link";

    /// <summary>Local names of the types imported from the federation spec (e.g. <c>Scope</c>): federation's own, not the subgraph's.</summary>
    public HashSet<string> ImportedTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Custom (non-federation) specs linked by the subgraph: imported local directive name → link URL.</summary>
    public Dictionary<string, string> OtherLinkImports { get; } = new(StringComparer.Ordinal);

    /// <summary>Type and directive name prefixes that belong to linked specs (<c>federation__</c>, <c>link__</c>...).</summary>
    public HashSet<string> SpecPrefixes { get; } = new(StringComparer.Ordinal) { "link__", "federation__" };

    /// <summary>The federation meaning of a directive name as used in the subgraph, or null.</summary>
    public string? Canonical(string localName) => _localToCanonical.GetValueOrDefault(localName);

    /// <summary>Reads the <c>@link</c>s on the schema definition/extensions; errors are reported through <paramref name="error"/>.</summary>
    public static FederationDirectives Read(IEnumerable<GraphQLDirectives?> schemaDirectives, Action<string, string, GraphQLDirective, string> error)
    {
        var links = new List<GraphQLDirective>();
        foreach (var directives in schemaDirectives)
        {
            if (directives is null)
            {
                continue;
            }

            foreach (var directive in directives.Items)
            {
                if (directive.Name.StringValue == "link")
                {
                    links.Add(directive);
                }
            }
        }

        GraphQLDirective? federationLink = null;
        string? version = null;
        foreach (var link in links)
        {
            var url = StringArgument(link, "url");
            if (url is null)
            {
                error(ErrorCodes.InvalidLinkDirectiveUsage, "@link is missing its \"url\" argument.", link, "Give the spec's URL, e.g. @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"]).");
                continue;
            }

            var (identity, linkVersion) = SplitUrl(url);
            if (identity == "https://specs.apollo.dev/federation")
            {
                if (linkVersion is null || !linkVersion.StartsWith("v2.", StringComparison.Ordinal))
                {
                    error(ErrorCodes.UnknownFederationLinkVersion, $"Invalid version {linkVersion ?? "(none)"} for the federation feature in @link(url: \"{url}\"): only v2.x is supported.", link, "Link a Federation 2 version, e.g. @link(url: \"https://specs.apollo.dev/federation/v2.3\").");
                    continue;
                }

                federationLink = link;
                version = linkVersion;
            }
        }

        var result = new FederationDirectives(federationLink is not null, version);
        if (federationLink is null)
        {
            foreach (var name in Known)
            {
                if (Array.IndexOf(Federation2Only, name) < 0)
                {
                    result._localToCanonical[name] = name;
                }
            }

            return result;
        }

        foreach (var link in links)
        {
            var url = StringArgument(link, "url");
            if (url is null)
            {
                continue;
            }

            var (identity, _) = SplitUrl(url);
            var specName = identity[(identity.LastIndexOf('/') + 1)..];
            var prefix = StringArgument(link, "as") ?? specName;
            result.SpecPrefixes.Add(prefix + "__");
            var isFederation = ReferenceEquals(link, federationLink);
            if (identity == "https://specs.apollo.dev/link")
            {
                result.LinkName = prefix;
            }

            foreach (var (imported, alias) in Imports(link, error))
            {
                var name = imported.TrimStart('@');
                var local = alias.TrimStart('@');
                if (isFederation && !imported.StartsWith('@') && KnownTypes.TryGetValue(name, out var addedIn) && result.MinorVersion >= addedIn)
                {
                    result.ImportedTypes.Add(local);
                }
                else if (isFederation)
                {
                    if (Array.IndexOf(Known, name) < 0)
                    {
                        error(ErrorCodes.InvalidLinkDirectiveUsage, $"Cannot import unknown element \"{imported}\" from the federation spec.", link, "Check the spelling against the spec's elements (@key, @shareable, @external, @requires, @provides, @override, @inaccessible, @tag, ...).");
                        continue;
                    }

                    if (result.MinorVersion < MinimumMinorVersion(name))
                    {
                        error(ErrorCodes.InvalidLinkDirectiveUsage, $"Cannot import unknown element \"{imported}\". It was added in federation v2.{MinimumMinorVersion(name)}; this subgraph links {result.Version}.", link, $"Link federation v2.{MinimumMinorVersion(name)} or later in @link(url:).");
                        continue;
                    }

                    result._localToCanonical[local] = name;
                }
                else if (imported.StartsWith('@'))
                {
                    result.OtherLinkImports[local] = url;
                }
            }

            if (isFederation)
            {
                foreach (var name in Known.Where(n => result.MinorVersion >= MinimumMinorVersion(n)))
                {
                    result._localToCanonical.TryAdd(prefix + "__" + name, name);
                }
            }
        }

        return result;
    }

    private static IEnumerable<(string Name, string Alias)> Imports(GraphQLDirective link, Action<string, string, GraphQLDirective, string> error)
    {
        var value = Argument(link, "import");
        if (value is null)
        {
            yield break;
        }

        var items = value is GraphQLListValue list ? list.Values ?? new List<GraphQLValue>() : new List<GraphQLValue> { value };
        foreach (var item in items)
        {
            switch (item)
            {
                case GraphQLStringValue s:
                    yield return (s.Value.ToString(), s.Value.ToString());
                    break;
                case GraphQLObjectValue o:
                    {
                        string? name = null, alias = null;
                        foreach (var field in o.Fields ?? new List<GraphQLObjectField>())
                        {
                            if (field.Value is GraphQLStringValue fs)
                            {
                                if (field.Name.StringValue == "name")
                                {
                                    name = fs.Value.ToString();
                                }
                                else if (field.Name.StringValue == "as")
                                {
                                    alias = fs.Value.ToString();
                                }
                            }
                        }

                        if (name is null)
                        {
                            error(ErrorCodes.InvalidLinkDirectiveUsage, "An @link import object needs a \"name\".", link, "Write it as { name: \"@key\", as: \"@myKey\" }.");
                            continue;
                        }

                        if (alias is not null && name.StartsWith('@') != alias.StartsWith('@'))
                        {
                            error(ErrorCodes.InvalidLinkDirectiveUsage, $"Import \"{name}\" is renamed to \"{alias}\": a directive must be renamed to a directive (both with '@') and a type to a type.", link, "Start both names with '@', or neither.");
                            continue;
                        }

                        yield return (name, alias ?? name);
                        break;
                    }

                default:
                    error(ErrorCodes.InvalidLinkDirectiveUsage, "@link imports must be strings or {name, as} objects.", link, "Write import: [\"@key\", { name: \"@tag\", as: \"@label\" }].");
                    break;
            }
        }
    }

    public static (string Identity, string? Version) SplitUrl(string url)
    {
        var trimmed = url.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        if (slash > 0 && trimmed.Length > slash + 1 && trimmed[slash + 1] == 'v' && trimmed.Skip(slash + 2).Any(char.IsDigit))
        {
            return (trimmed[..slash], trimmed[(slash + 1)..]);
        }

        return (trimmed, null);
    }

    public static GraphQLValue? Argument(GraphQLDirective directive, string name)
    {
        if (directive.Arguments is null)
        {
            return null;
        }

        foreach (var argument in directive.Arguments.Items)
        {
            if (argument.Name.StringValue == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    public static string? StringArgument(GraphQLDirective directive, string name) =>
        Argument(directive, name) is GraphQLStringValue s ? s.Value.ToString() : null;
}
