using System.Text.Json;
using FederatedGateway.Testing.Execution;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Tests.Federation;

/// <summary>Builds a small join v0.3 supergraph from its graphs and types, and runs operations over fake subgraphs.</summary>
internal static class TinySupergraph
{
    public static string Sdl(string graphs, string types) => $$"""
        schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY) { query: Query }
        directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
        directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
        directive @join__graph(name: String!, url: String!) on ENUM_VALUE
        directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
        directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
        scalar join__FieldSet
        scalar link__Import
        enum link__Purpose { SECURITY EXECUTION }
        enum join__Graph { {{graphs}} }
        {{types}}
        """;

    /// <summary>The client's response (data and errors) as JSON text.</summary>
    public static async Task<string> RunAsync(string sdl, FakeSubgraphs fake, string query)
    {
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(sdl, fake));
        using var variables = JsonDocument.Parse("{}");
        var result = await gateway.ExecuteAsync(new GatewayRequest { Query = query, Variables = variables.RootElement.Clone() }, CancellationToken.None);
        using var doc = JsonDocument.Parse(result.Body);
        return doc.RootElement.GetRawText();
    }

    /// <summary>The GraphQL query text of each request a subgraph received, in order.</summary>
    public static List<string> Queries(FakeSubgraphs fake, string service) =>
        fake.Requests.Where(r => r.Service == service).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("query").GetString()!).ToList();
}
