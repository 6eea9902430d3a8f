using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>
/// Resolving the concrete type of an object known only as an <c>@interfaceObject</c> jumps to a subgraph that has
/// the real interface through its key alone: no field's own conditions (<c>@requires</c>) belong to that fetch.
/// </summary>
public sealed class TypeResolutionJumpTests
{
    // The interface's first field carries a @requires in the subgraph that has the real interface: a jump that
    // stood for that field would plan "code" into the interfaceObject subgraph's fetch and send it along.
    private const string Supergraph = """
        schema
          @link(url: "https://specs.apollo.dev/link/v1.0")
          @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
        {
          query: Query
        }

        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
        directive @join__graph(name: String!, url: String!) on ENUM_VALUE
        directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

        scalar join__FieldSet
        scalar link__Import

        enum link__Purpose {
          SECURITY
          EXECUTION
        }

        enum join__Graph {
          CATALOG @join__graph(name: "catalog", url: "http://127.0.0.1:1/graphql")
          MEDIA @join__graph(name: "media", url: "http://127.0.0.1:2/graphql")
        }

        interface Item
          @join__type(graph: CATALOG, key: "id")
          @join__type(graph: MEDIA, key: "id", isInterfaceObject: true)
        {
          summary: String @join__field(graph: CATALOG, requires: "code")
          id: ID!
          code: String @join__field(graph: MEDIA) @join__field(graph: CATALOG, external: true)
        }

        type Book implements Item
          @join__implements(graph: CATALOG, interface: "Item")
          @join__type(graph: CATALOG, key: "id")
        {
          summary: String @join__field(graph: CATALOG, requires: "code")
          id: ID!
          code: String @join__field(graph: CATALOG, external: true)
        }

        type Query
          @join__type(graph: CATALOG)
          @join__type(graph: MEDIA)
        {
          featured: Item @join__field(graph: MEDIA)
        }
        """;

    private static readonly FederatedSchema Schema = SupergraphReader.Read(Supergraph);

    private static async Task<string> PlanText(string query)
    {
        var preparer = new OperationPreparer(Schema, ApiSchemaFactory.Create(Schema, ApiSchemaPrinter.Print(Schema)));
        using var vars = System.Text.Json.JsonDocument.Parse("{}");
        var result = await preparer.PrepareAsync(query, null, vars.RootElement, CancellationToken.None);
        Assert.True(result.IsSuccess, string.Join("\n", result.Errors.Select(e => e.Message)));
        PlanSoundness.Check(Schema, result.Operation!);
        return QueryPlanPrinter.Print(result.Operation!.Plan);
    }

    [Theory]
    [InlineData("{ featured { __typename } }")]
    [InlineData("{ featured { id ... on Book { id } } }")]
    public async Task TypeResolutionSendsOnlyTheKey(string query)
    {
        var plan = await PlanText(query);

        // The jump is planned (the concrete type comes from catalog) ...
        Assert.Contains("Fetch(service: \"catalog\")", plan);
        // ... but nothing of summary's @requires is fetched from media or sent to catalog.
        Assert.DoesNotContain("code", plan);
    }
}
