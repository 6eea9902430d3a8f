using GraphQLParser.AST;

namespace FederatedGateway.Core.Authorization;

/// <summary>
/// The names the authorization directives have in one supergraph: each is linked with
/// <c>@link(url: "https://specs.apollo.dev/&lt;spec&gt;/v0.x", for: SECURITY)</c>, possibly renamed (<c>as:</c>) or
/// imported under another name (<c>import: [{name: "@requiresScopes", as: "@scopes"}]</c>). A directive whose spec
/// is not linked is not an authorization directive.
/// </summary>
internal sealed class AuthorizationDirectiveNames
{
    public string? Authenticated { get; private set; }

    public string? RequiresScopes { get; private set; }

    public string? Policy { get; private set; }

    public bool Any => Authenticated is not null || RequiresScopes is not null || Policy is not null;

    public static AuthorizationDirectiveNames Read(GraphQLDocument document)
    {
        var names = new AuthorizationDirectiveNames();
        foreach (var definition in document.Definitions)
        {
            var directives = definition switch
            {
                GraphQLSchemaDefinition schema => schema.Directives,
                GraphQLSchemaExtension extension => extension.Directives,
                _ => null,
            };
            foreach (var directive in directives?.Items ?? [])
            {
                if (directive.Name.StringValue is "link" or "core")
                {
                    names.AddLink(directive);
                }
            }
        }

        return names;
    }

    private void AddLink(GraphQLDirective link)
    {
        var url = StringArgument(link, "url") ?? StringArgument(link, "feature");
        if (url is null || !url.Contains("specs.apollo.dev/", StringComparison.Ordinal))
        {
            return;
        }

        var parts = url.TrimEnd('/').Split('/');
        if (parts.Length < 2)
        {
            return;
        }

        var spec = parts[^2];
        if (spec is not ("authenticated" or "requiresScopes" or "policy"))
        {
            return;
        }

        var name = ImportedName(link, spec) ?? StringArgument(link, "as") ?? spec;
        switch (spec)
        {
            case "authenticated":
                Authenticated = name;
                break;
            case "requiresScopes":
                RequiresScopes = name;
                break;
            default:
                Policy = name;
                break;
        }
    }

    /// <summary>The local name of the spec's directive when the link imports it (<c>"@spec"</c> or <c>{name: "@spec", as: "@other"}</c>).</summary>
    private static string? ImportedName(GraphQLDirective link, string spec)
    {
        if (Argument(link, "import") is not GraphQLListValue { Values: { } values })
        {
            return null;
        }

        foreach (var value in values)
        {
            switch (value)
            {
                case GraphQLStringValue s when s.Value.ToString() == "@" + spec:
                    return spec;
                case GraphQLObjectValue o when Field(o, "name") == "@" + spec:
                    return Field(o, "as") is { } alias ? alias.TrimStart('@') : spec;
            }
        }

        return null;
    }

    private static string? Field(GraphQLObjectValue value, string name) =>
        value.Fields?.FirstOrDefault(f => f.Name.StringValue == name)?.Value is GraphQLStringValue s ? s.Value.ToString() : null;

    private static string? StringArgument(GraphQLDirective directive, string name) =>
        Argument(directive, name) is GraphQLStringValue s ? s.Value.ToString() : null;

    internal static GraphQLValue? Argument(GraphQLDirective directive, string name) =>
        directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;
}
