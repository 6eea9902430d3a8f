namespace FederatedGateway.Core.Composition.Printing;

/// <summary>
/// The specs a supergraph links for the authorization and cost directives (authenticated, requiresScopes and policy
/// v0.1, for SECURITY; cost v0.1), with their directive definitions and scalars. A spec is linked when a subgraph
/// applies one of its directives; each directive is named as the subgraphs apply it, imported when that name is not
/// the spec's default (<c>@cost</c> and <c>@cost__listSize</c> for the cost spec).
/// </summary>
internal static class AccessAndCostSpecs
{
    private const string AuthorizationLocations = "FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM";

    private static readonly LinkedSpec[] Specs =
    [
        new("authenticated", "https://specs.apollo.dev/authenticated/v0.1", "SECURITY", ["authenticated"], null),
        new("requiresScopes", "https://specs.apollo.dev/requiresScopes/v0.1", "SECURITY", ["requiresScopes"], "requiresScopes__Scope"),
        new("policy", "https://specs.apollo.dev/policy/v0.1", "SECURITY", ["policy"], "policy__Policy"),
        new("cost", "https://specs.apollo.dev/cost/v0.1", null, ["cost", "listSize"], null),
    ];

    /// <summary>The <c>@link</c> applications, as written on the schema definition.</summary>
    public static IEnumerable<string> Links(IReadOnlyDictionary<string, string> names)
    {
        foreach (var spec in Used(names))
        {
            var link = "@link(url: " + SdlWriter.Quote(spec.Url) + (spec.Purpose is null ? "" : ", for: " + spec.Purpose);
            var imports = new List<string>();
            foreach (var directive in spec.Directives.Where(names.ContainsKey))
            {
                var name = names[directive];
                if (name != DefaultName(spec, directive))
                {
                    imports.Add(name == directive ? SdlWriter.Quote("@" + directive) : $"{{name: {SdlWriter.Quote("@" + directive)}, as: {SdlWriter.Quote("@" + name)}}}");
                }
            }

            yield return link + (imports.Count == 0 ? ")" : ", import: [" + string.Join(", ", imports) + "])");
        }
    }

    /// <summary>The directive definitions of the linked specs.</summary>
    public static IEnumerable<string> Definitions(IReadOnlyDictionary<string, string> names)
    {
        foreach (var spec in Used(names))
        {
            foreach (var directive in spec.Directives)
            {
                var name = NameInSupergraph(names, directive);
                yield return directive switch
                {
                    "authenticated" => $"directive @{name} on {AuthorizationLocations}",
                    "requiresScopes" => $"directive @{name}(scopes: [[requiresScopes__Scope!]!]!) on {AuthorizationLocations}",
                    "policy" => $"directive @{name}(policies: [[policy__Policy!]!]!) on {AuthorizationLocations}",
                    "cost" => $"directive @{name}(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR",
                    _ => $"directive @{name}(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION",
                };
            }
        }
    }

    /// <summary>The scalars the linked specs define.</summary>
    public static IEnumerable<string> Scalars(IReadOnlyDictionary<string, string> names) =>
        Used(names).Where(s => s.Scalar is not null).Select(s => s.Scalar!);

    /// <summary>The name a directive (federation name) has in the supergraph.</summary>
    public static string NameInSupergraph(IReadOnlyDictionary<string, string> names, string directive) =>
        names.TryGetValue(directive, out var name) ? name : DefaultName(Specs.First(s => s.Directives.Contains(directive)), directive);

    private static IEnumerable<LinkedSpec> Used(IReadOnlyDictionary<string, string> names) => Specs.Where(s => s.Directives.Any(names.ContainsKey));

    private static string DefaultName(LinkedSpec spec, string directive) => directive == spec.Name ? directive : spec.Name + "__" + directive;
}
