using System.Text.Json;
using FederatedGateway.Testing.Execution;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Tests.Introspection;

/// <summary>
/// Issue 14, class F: introspection as the October 2021 specification has it, plus <c>@oneOf</c>, validated and
/// answered by the gateway (nothing reaches a subgraph).
/// </summary>
public sealed class IntrospectionTests
{
    private const string Sdl = """
        schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) { query: Query }
        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
        directive @join__graph(name: String!, url: String!) on ENUM_VALUE
        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
        scalar join__FieldSet
        scalar link__Import
        enum link__Purpose { SECURITY EXECUTION }
        enum join__Graph { A @join__graph(name: "a", url: "http://a") }
        scalar DateTime @join__type(graph: A) @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
        scalar Plain @join__type(graph: A)
        input Filter @join__type(graph: A) @oneOf { id: ID byName: String }
        input Range @join__type(graph: A) { from: Int to: Int legacyEnd: Int @deprecated(reason: "Use to.") }
        type Query @join__type(graph: A) {
          find(filter: Filter, range: Range, limit: Int, max: Int @deprecated(reason: "Use limit.")): [String] @join__field(graph: A)
          at: DateTime @join__field(graph: A)
          plain: Plain @join__field(graph: A)
        }
        """;

    private static async Task<JsonElement> Run(string query)
    {
        var fake = new FakeSubgraphs();
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(Sdl, fake));
        var result = await gateway.ExecuteAsync(new GatewayRequest { Query = query, Variables = JsonDocument.Parse("{}").RootElement }, CancellationToken.None);
        using var doc = JsonDocument.Parse(result.Body);
        var root = doc.RootElement.Clone();
        Assert.False(root.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Empty(fake.Requests);
        return root.GetProperty("data");
    }

    [Fact]
    public async Task Directives_say_whether_they_are_repeatable_and_include_specifiedBy_and_oneOf()
    {
        var data = await Run("{ __schema { directives { name isRepeatable locations args { name } } } }");
        var directives = data.GetProperty("__schema").GetProperty("directives").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        Assert.Superset(new HashSet<string> { "skip", "include", "deprecated", "specifiedBy", "oneOf" }, directives.Keys.ToHashSet());
        Assert.All(directives.Values, d => Assert.Equal(JsonValueKind.False, d.GetProperty("isRepeatable").ValueKind));
        Assert.Equal("""["SCALAR"]""", directives["specifiedBy"].GetProperty("locations").GetRawText());
        Assert.Equal("""[{"name":"url"}]""", directives["specifiedBy"].GetProperty("args").GetRawText());
        Assert.Equal("""["INPUT_OBJECT"]""", directives["oneOf"].GetProperty("locations").GetRawText());
    }

    [Fact]
    public async Task Scalars_give_their_specifiedByURL()
    {
        var data = await Run("""{ at: __type(name: "DateTime") { kind specifiedByURL } plain: __type(name: "Plain") { specifiedByURL } int: __type(name: "Int") { specifiedByURL } }""");
        Assert.Equal("""{"kind":"SCALAR","specifiedByURL":"https://tools.ietf.org/html/rfc3339"}""", data.GetProperty("at").GetRawText());
        Assert.Equal("""{"specifiedByURL":null}""", data.GetProperty("plain").GetRawText());
        Assert.Equal("""{"specifiedByURL":null}""", data.GetProperty("int").GetRawText());
    }

    [Fact]
    public async Task Input_objects_say_whether_they_are_oneOf()
    {
        var data = await Run("""{ filter: __type(name: "Filter") { isOneOf } range: __type(name: "Range") { isOneOf } query: __type(name: "Query") { isOneOf } }""");
        Assert.Equal("""{"filter":{"isOneOf":true},"range":{"isOneOf":false},"query":{"isOneOf":null}}""", data.GetRawText());
    }

    [Fact]
    public async Task A_oneOf_input_with_two_fields_is_refused_before_any_subgraph_is_asked()
    {
        var fake = new FakeSubgraphs();
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(Sdl, fake));
        var result = await gateway.ExecuteAsync(new GatewayRequest { Query = """{ find(filter: { id: "1", byName: "x" }) }""", Variables = JsonDocument.Parse("{}").RootElement }, CancellationToken.None);
        using var doc = JsonDocument.Parse(result.Body);
        Assert.Contains("OneOf", doc.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Deprecated_arguments_and_input_fields_are_listed_only_when_asked_for()
    {
        var data = await Run("""
            {
              __type(name: "Query") { fields { name args { name } all: args(includeDeprecated: true) { name isDeprecated deprecationReason } } }
              range: __type(name: "Range") { inputFields { name } all: inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } }
            }
            """);
        var find = data.GetProperty("__type").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "find");
        Assert.Equal("""[{"name":"filter"},{"name":"range"},{"name":"limit"}]""", find.GetProperty("args").GetRawText());
        Assert.Equal("""{"name":"max","isDeprecated":true,"deprecationReason":"Use limit."}""", find.GetProperty("all")[3].GetRawText());
        var range = data.GetProperty("range");
        Assert.Equal("""[{"name":"from"},{"name":"to"}]""", range.GetProperty("inputFields").GetRawText());
        Assert.Equal("""{"name":"legacyEnd","isDeprecated":true,"deprecationReason":"Use to."}""", range.GetProperty("all")[2].GetRawText());
    }

    [Fact]
    public async Task The_full_introspection_query_of_current_tools_is_answered()
    {
        var data = await Run("""
            query IntrospectionQuery {
              __schema {
                description queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description specifiedByURL isOneOf
              fields(includeDeprecated: true) { name description args(includeDeprecated: true) { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
              inputFields(includeDeprecated: true) { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue isDeprecated deprecationReason }
            fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
            """);
        var types = data.GetProperty("__schema").GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal("https://tools.ietf.org/html/rfc3339", types["DateTime"].GetProperty("specifiedByURL").GetString());
        Assert.True(types["Filter"].GetProperty("isOneOf").GetBoolean());
        Assert.Contains(types["__Type"].GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "specifiedByURL");
    }
}
