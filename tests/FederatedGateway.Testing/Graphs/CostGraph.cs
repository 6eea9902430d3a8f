using FederatedGateway.Core.Cost;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Testing.Graphs;

/// <summary>
/// A one-subgraph supergraph in the shape Apollo's composer writes demand-control directives (the cost spec linked,
/// <c>@cost</c> renamed on import to check that renames are followed), and a calculator over it with a default list size of 10.
/// </summary>
public static class CostGraph
{
    public const string Sdl = """
        schema
          @link(url: "https://specs.apollo.dev/link/v1.0")
          @link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)
          @link(url: "https://specs.apollo.dev/cost/v0.1", import: [{name: "@cost", as: "@weight"}, "@listSize"])
        { query: Query mutation: Mutation }
        directive @join__graph(name: String!, url: String!) on ENUM_VALUE
        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String, contextArguments: [join__ContextArgument!]) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
        directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
        directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
        directive @weight(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
        directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
        input join__ContextArgument { name: String! type: String! context: String! selection: join__FieldSelection! }
        scalar join__FieldSelection
        scalar join__FieldSet
        scalar link__Import
        enum link__Purpose { SECURITY EXECUTION }
        enum join__Graph { SHOP @join__graph(name: "shop", url: "http://127.0.0.1:1/graphql") }

        type Query @join__type(graph: SHOP) {
          product(id: ID!): Product
          products(first: Int, last: Int): [Product!]! @listSize(slicingArguments: ["first", "last"])
          topProducts: [Product] @listSize(assumedSize: 5)
          anyProducts: [Product]
          search(text: String): [SearchResult] @listSize(assumedSize: 3)
          catalog(first: Int): ProductConnection @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
          browse(first: Int, after: String): [Product] @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false, assumedSize: 7)
          node(id: ID!): Node
        }
        type Mutation @join__type(graph: SHOP) {
          review(input: ReviewInput!): Review
          audit(text: String @weight(weight: 4)): Boolean
        }
        interface Node @join__type(graph: SHOP) { id: ID! }
        type Product implements Node @join__type(graph: SHOP) @join__implements(graph: SHOP, interface: "Node") {
          id: ID!
          name: String
          price: Money
          reviews(first: Int): [Review] @listSize(slicingArguments: ["first"])
          warehouse: Warehouse
          forecast: Float @weight(weight: 20)
        }
        type Review implements Node @join__type(graph: SHOP) @join__implements(graph: SHOP, interface: "Node") {
          id: ID!
          body: String
          author: User
        }
        type User @join__type(graph: SHOP) { name: String }
        type Warehouse @weight(weight: 3) @join__type(graph: SHOP) { city: String }
        type Money @join__type(graph: SHOP) { amount: Float currency: String }
        type ProductConnection @join__type(graph: SHOP) { edges: [ProductEdge] total: Int }
        type ProductEdge @join__type(graph: SHOP) { node: Product }
        union SearchResult @join__type(graph: SHOP) @join__unionMember(graph: SHOP, member: "Product") @join__unionMember(graph: SHOP, member: "User") = Product | User
        input ReviewInput @join__type(graph: SHOP) { productId: ID! body: String }
        """;

    private static readonly Lazy<(FederatedSchema Schema, OperationPreparer Preparer)> Built = new(() =>
    {
        var schema = SupergraphReader.Read(Sdl);
        return (schema, new OperationPreparer(schema, ApiSchemaFactory.Create(schema, ApiSchemaPrinter.Print(schema))));
    });

    public static CostCalculator Calculator(int defaultListSize = 10) => new(Built.Value.Schema, CostDirectives.Read(Sdl), defaultListSize);

    public static async Task<PrepareResult> PrepareAsync(string query, System.Text.Json.JsonElement variables = default)
    {
        var prepared = await Built.Value.Preparer.PrepareAsync(query, null, variables, CancellationToken.None);
        return prepared.IsSuccess
            ? prepared
            : throw new InvalidOperationException("The cost graph's query does not prepare: " + string.Join("; ", prepared.Errors.Select(e => e.Message)));
    }
}
