using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Core.Tests.Schema;

public sealed class SupergraphReaderTests
{
    private static string Shop() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "shop", "supergraph.graphql"));

    [Fact]
    public void ReadsGraphsKeysAndFieldOwnership()
    {
        var schema = SupergraphReader.Read(Shop());
        Assert.Equal(new[] { "catalog", "inventory", "media", "pricing", "users" }, schema.Subgraphs.Select(s => s.Name));
        Assert.Equal("http://127.0.0.1:4002/graphql", schema.SubgraphsByName["inventory"].Url);

        var book = schema.GetType("Book");
        Assert.Equal("sku", Assert.Single(book.Graphs["pricing"].Keys).Fields);
        Assert.Contains("Item", book.Graphs["catalog"].Implements.Items);
        var shipping = book.Fields["shippingCost"].Graphs["inventory"];
        Assert.Equal("weight", shipping.Requires);
        Assert.Equal("weight", Assert.IsType<FieldSelection>(Assert.Single(shipping.RequiresSelection!.Selections)).Name);
        Assert.True(book.Fields["weight"].Graphs["inventory"].External);

        // No @join__field: the field belongs to every subgraph of its type.
        Assert.Equal(new[] { "catalog", "pricing" }, schema.GetType("Movie").Fields["id"].Graphs.Keys.Order());

        // The bare @join__field: the field comes from no subgraph directly (added by an @interfaceObject).
        Assert.Empty(book.Fields["images"].Graphs);
        Assert.True(schema.GetType("Item").Graphs["media"].IsInterfaceObject);

        var email = schema.GetType("User").Fields["email"];
        Assert.Equal("catalog", email.Graphs["users"].Override);
        Assert.Equal("name", schema.GetType("Review").Fields["author"].Graphs["catalog"].Provides);
        Assert.Equal(new[] { "Book", "Movie" }, schema.PossibleTypes("Item"));
        Assert.Equal(new[] { "Book", "Movie" }, schema.GetType("SearchResult").Graphs["catalog"].UnionMembers.Order());
    }

    [Fact]
    public void ApiSchemaDropsJoinMachineryAndInaccessibleElements()
    {
        var sdl = ApiSchemaPrinter.Print(SupergraphReader.Read(Shop()));
        Assert.DoesNotContain("join__", sdl);
        Assert.DoesNotContain("link", sdl);
        Assert.DoesNotContain("@inaccessible", sdl);
        Assert.DoesNotContain("internalCode", sdl);
        Assert.Contains("scalar DateTime", sdl);
        Assert.Contains("union SearchResult = Book | Movie", sdl);
        Assert.Contains("type Book implements Item {", sdl);
        Assert.Contains("shippingCost(zone: String = \"EU\"): Float", sdl);
        Assert.Contains("\"\"\"\nA thing the shop sells.\n\"\"\"\ninterface Item {", sdl);
    }

    [Fact]
    public void HonoursRenamedSpecsAndNewerJoinVersions()
    {
        const string sdl = """
            schema
              @link(url: "https://specs.apollo.dev/link/v1.0")
              @link(url: "https://specs.apollo.dev/join/v0.5", as: "j", for: EXECUTION)
              @link(url: "https://specs.apollo.dev/inaccessible/v0.2", as: "hidden", for: SECURITY)
            { query: Query }
            directive @j__graph(name: String!, url: String!) on ENUM_VALUE
            directive @j__type(graph: j__Graph!, key: j__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
            directive @j__field(graph: j__Graph, requires: j__FieldSet, provides: j__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String, contextArguments: [j__ContextArgument!]) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
            directive @hidden on FIELD_DEFINITION | OBJECT
            directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
            input j__ContextArgument { name: String! type: String! context: String! selection: j__FieldSelection! }
            scalar j__FieldSelection
            scalar j__FieldSet
            scalar link__Import
            enum link__Purpose { SECURITY EXECUTION }
            enum j__Graph {
              ONE @j__graph(name: "one", url: "http://one")
              TWO @j__graph(name: "two", url: "http://two")
            }
            type Query @j__type(graph: ONE) @j__type(graph: TWO) {
              thing: Thing @j__field(graph: ONE)
            }
            type Thing @j__type(graph: ONE, key: "id") @j__type(graph: TWO, key: "id") {
              id: ID!
              price: Int @j__field(graph: ONE, usedOverridden: true) @j__field(graph: TWO, override: "one", overrideLabel: "percent(100)")
              secret: String @j__field(graph: ONE) @hidden
            }
            """;
        var schema = SupergraphReader.Read(sdl);
        var price = schema.GetType("Thing").Fields["price"];
        Assert.False(price.Graphs["one"].IsResolvable);
        Assert.Equal("percent(100)", price.Graphs["two"].OverrideLabel);
        var api = ApiSchemaPrinter.Print(schema);
        Assert.DoesNotContain("secret", api);
        Assert.DoesNotContain("j__", api);
        Assert.Contains("price: Int", api);
    }

    [Theory]
    [InlineData("type Query { a: Int }", "no subgraphs")]
    [InlineData("this is not graphql", "not valid GraphQL")]
    public void RejectsDocumentsThatAreNotSupergraphs(string sdl, string message)
    {
        var error = Assert.Throws<SupergraphException>(() => SupergraphReader.Read(sdl));
        Assert.Contains(message, error.Message);
    }
}
