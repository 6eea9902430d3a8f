using FederatedGateway.Testing.Execution;

namespace FederatedGateway.Execution.Tests.Federation;

/// <summary>
/// A subgraph that declares a key field <c>@external</c> answers it only where it was sent the value: at the root of
/// its own entity fetch. Anywhere else in its answers the gateway gets that field from a subgraph that resolves it.
/// </summary>
public sealed class ExternalKeyEchoTests
{
    private static readonly string Sdl = TinySupergraph.Sdl(
        """
        PEOPLE @join__graph(name: "people", url: "http://people")
        NOTES @join__graph(name: "notes", url: "http://notes")
        """,
        """
        type Person @join__type(graph: PEOPLE, key: "id") @join__type(graph: PEOPLE, key: "email") @join__type(graph: NOTES, key: "email") @join__type(graph: NOTES, key: "id") {
          id: ID! @join__field(graph: PEOPLE) @join__field(graph: NOTES, external: true)
          email: String! @join__field(graph: PEOPLE) @join__field(graph: NOTES)
          name: String @join__field(graph: PEOPLE)
          notes: [Note!]! @join__field(graph: NOTES)
        }
        type Note @join__type(graph: NOTES) {
          text: String!
          author: Person! @join__field(graph: NOTES)
        }
        type Query @join__type(graph: PEOPLE) @join__type(graph: NOTES) {
          people: [Person!]! @join__field(graph: PEOPLE)
          latestNotes: [Note!]! @join__field(graph: NOTES)
        }
        """);

    [Fact]
    public async Task NestedExternalKeyFieldIsFetchedFromItsOwner()
    {
        var fake = new FakeSubgraphs()
            .On("notes", _ => """{"data":{"latestNotes":[{"text":"hi","author":{"__typename":"Person","email":"ada@x"}}]}}""")
            .On("people", _ => """{"data":{"_entities":[{"id":"p1"}]}}""");

        var response = await TinySupergraph.RunAsync(Sdl, fake, "{ latestNotes { text author { id } } }");

        Assert.Equal("""{"data":{"latestNotes":[{"text":"hi","author":{"id":"p1"}}]}}""", response);
        Assert.DoesNotContain(" id", Assert.Single(TinySupergraph.Queries(fake, "notes")).Replace("__typename", string.Empty));
        Assert.Contains("\"representations\":[{\"__typename\":\"Person\",\"email\":\"ada@x\"}]", fake.Requests.Single(r => r.Service == "people").Body);
    }

    [Fact]
    public async Task AtTheRootOfItsEntityFetchTheSubgraphEchoesTheKeyItWasSent()
    {
        var fake = new FakeSubgraphs()
            .On("people", _ => """{"data":{"people":[{"__typename":"Person","id":"p1","email":"ada@x"}]}}""")
            .On("notes", _ => """{"data":{"_entities":[{"notes":[{"text":"hi"}]}]}}""");

        var response = await TinySupergraph.RunAsync(Sdl, fake, "{ people { id notes { text } } }");

        Assert.Equal("""{"data":{"people":[{"id":"p1","notes":[{"text":"hi"}]}]}}""", response);
        Assert.Equal(["people", "notes"], fake.Requests.Select(r => r.Service));
    }
}
