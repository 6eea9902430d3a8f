using FederatedGateway.Testing.Execution;

namespace FederatedGateway.Execution.Tests.Federation;

/// <summary>
/// A subgraph that sees an interface only as an <c>@interfaceObject</c> answers with the interface's name; when the
/// client asks for <c>__typename</c> or a concrete type's fields, the gateway learns the real type from a subgraph
/// that has the interface itself.
/// </summary>
public sealed class InterfaceObjectTypenameTests
{
    private static readonly string Sdl = TinySupergraph.Sdl(
        """
        SHELF @join__graph(name: "shelf", url: "http://shelf")
        CHARTS @join__graph(name: "charts", url: "http://charts")
        """,
        """
        interface Album @join__type(graph: SHELF, key: "id") @join__type(graph: CHARTS, key: "id", isInterfaceObject: true) {
          id: ID!
          title: String! @join__field(graph: SHELF)
          weeksOnChart: Int @join__field(graph: CHARTS)
        }
        type Vinyl implements Album @join__implements(graph: SHELF, interface: "Album") @join__type(graph: SHELF, key: "id") {
          id: ID!
          title: String! @join__field(graph: SHELF)
          weeksOnChart: Int @join__field
          rpm: Int @join__field(graph: SHELF)
        }
        type Tape implements Album @join__implements(graph: SHELF, interface: "Album") @join__type(graph: SHELF, key: "id") {
          id: ID!
          title: String! @join__field(graph: SHELF)
          weeksOnChart: Int @join__field
        }
        type Query @join__type(graph: SHELF) @join__type(graph: CHARTS) {
          hits: [Album!]! @join__field(graph: CHARTS)
        }
        """);

    [Fact]
    public async Task ConcreteTypenameAndFieldsComeFromTheSubgraphThatKnowsTheImplementations()
    {
        var fake = new FakeSubgraphs()
            .On("charts", _ => """{"data":{"hits":[{"__typename":"Album","id":"a1","weeksOnChart":12},{"__typename":"Album","id":"a2","weeksOnChart":3}]}}""")
            .On("shelf", _ => """{"data":{"_entities":[{"__typename":"Vinyl","rpm":33},{"__typename":"Tape"}]}}""");

        var response = await TinySupergraph.RunAsync(Sdl, fake, "{ hits { __typename id weeksOnChart ... on Vinyl { rpm } } }");

        Assert.Equal(
            """{"data":{"hits":[{"__typename":"Vinyl","id":"a1","weeksOnChart":12,"rpm":33},{"__typename":"Tape","id":"a2","weeksOnChart":3}]}}""",
            response);
        var shelf = Assert.Single(TinySupergraph.Queries(fake, "shelf"));
        Assert.Contains("... on Album", shelf);
        Assert.Contains("__typename", shelf);
    }

    [Fact]
    public async Task InterfaceFieldsAloneNeedNoTypeLookup()
    {
        var fake = new FakeSubgraphs()
            .On("charts", _ => """{"data":{"hits":[{"__typename":"Album","id":"a1","weeksOnChart":12}]}}""");

        var response = await TinySupergraph.RunAsync(Sdl, fake, "{ hits { id weeksOnChart } }");

        Assert.Equal("""{"data":{"hits":[{"id":"a1","weeksOnChart":12}]}}""", response);
        Assert.Empty(TinySupergraph.Queries(fake, "shelf"));
    }
}
