using FederatedGateway.Core.Authorization;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Core.Tests.Authorization;

/// <summary>The authorization directives as Apollo's composer writes them into a supergraph, under their linked names.</summary>
public sealed class AuthorizationRequirementsReaderTests
{
    private const string Header = """
        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
        directive @join__graph(name: String!, url: String!) on ENUM_VALUE
        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
        scalar join__FieldSet
        scalar link__Import
        enum link__Purpose { SECURITY EXECUTION }
        enum join__Graph { A @join__graph(name: "a", url: "http://127.0.0.1:9/a") }
        """;

    [Fact]
    public void Reads_each_directive_on_fields_objects_interfaces_scalars_and_enums()
    {
        var requirements = AuthorizationRequirementsReader.Read(Header + """
            schema
              @link(url: "https://specs.apollo.dev/link/v1.0")
              @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
              @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
              @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)
              @link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)
            { query: Query }
            directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
            directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
            directive @policy(policies: [[policy__Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
            scalar requiresScopes__Scope
            scalar policy__Policy
            type Query @join__type(graph: A) { account: Account secret: Secret amount: Money level: Level }
            type Account implements Named @join__type(graph: A) @authenticated {
              name: String @requiresScopes(scopes: [["a", "b"], ["c"]]) @policy(policies: [["p1"]])
            }
            interface Named @join__type(graph: A) @policy(policies: [["p2", "p3"]]) { name: String }
            scalar Money @join__type(graph: A) @requiresScopes(scopes: [["money"]])
            enum Level @join__type(graph: A) @authenticated { LOW HIGH }
            type Secret @join__type(graph: A) { id: ID }
            """);

        Assert.Equal("@authenticated", requirements.ForType("Account").ToString());
        Assert.Equal("""@requiresScopes([["a", "b"], ["c"]]) @policy([["p1"]])""", requirements.ForField("Account", "name").ToString());
        Assert.Equal("""@policy([["p2", "p3"]])""", requirements.ForType("Named").ToString());
        Assert.Equal("""@requiresScopes([["money"]])""", requirements.ForType("Money").ToString());
        Assert.True(requirements.ForType("Level").Authenticated);
        Assert.True(requirements.ForType("Secret").IsNone);
        Assert.True(requirements.ForField("Query", "account").IsNone);
        Assert.Equal(["p1", "p2", "p3"], requirements.PolicyNames);
    }

    [Fact]
    public void Follows_renamed_specs_and_imports()
    {
        var requirements = AuthorizationRequirementsReader.Read(Header + """
            schema
              @link(url: "https://specs.apollo.dev/link/v1.0")
              @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
              @link(url: "https://specs.apollo.dev/authenticated/v0.1", as: "signedIn", for: SECURITY)
              @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", import: [{name: "@requiresScopes", as: "@scoped"}], for: SECURITY)
            { query: Query }
            directive @signedIn on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
            directive @scoped(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
            directive @requiresScopes(scopes: [String]) on FIELD_DEFINITION
            scalar requiresScopes__Scope
            type Query @join__type(graph: A) { a: String @signedIn b: String @scoped(scopes: "one") c: String @requiresScopes(scopes: ["not-ours"]) }
            """);

        Assert.True(requirements.ForField("Query", "a").Authenticated);
        Assert.Equal("""@requiresScopes([["one"]])""", requirements.ForField("Query", "b").ToString());
        Assert.True(requirements.ForField("Query", "c").IsNone);
    }

    [Fact]
    public void A_supergraph_that_links_no_authorization_spec_has_no_requirements_and_loads_with_them()
    {
        const string sdl = Header + """
            schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) { query: Query }
            directive @authenticated on FIELD_DEFINITION
            type Query @join__type(graph: A) { a: String @authenticated }
            """;

        Assert.True(AuthorizationRequirementsReader.Read(sdl).IsEmpty);
        Assert.NotNull(SupergraphReader.Read(sdl).FindType("Query"));
    }
}
