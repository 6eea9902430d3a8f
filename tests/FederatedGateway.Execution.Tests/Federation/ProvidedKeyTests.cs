using FederatedGateway.Testing.Execution;

namespace FederatedGateway.Execution.Tests.Federation;

/// <summary>
/// A key a subgraph only has through <c>@provides</c> is good for an entity jump from under the providing field:
/// the gateway takes it from the providing fetch instead of fetching the key from its owner first.
/// </summary>
public sealed class ProvidedKeyTests
{
    private static readonly string Sdl = TinySupergraph.Sdl(
        """
        LABELS @join__graph(name: "labels", url: "http://labels")
        PARCELS @join__graph(name: "parcels", url: "http://parcels")
        TRACKING @join__graph(name: "tracking", url: "http://tracking")
        """,
        """
        type Parcel @join__type(graph: LABELS, key: "id") @join__type(graph: LABELS, key: "barcode") @join__type(graph: PARCELS, key: "id") @join__type(graph: TRACKING, key: "barcode") {
          id: ID! @join__field(graph: LABELS) @join__field(graph: PARCELS)
          barcode: String! @join__field(graph: LABELS) @join__field(graph: PARCELS, external: true) @join__field(graph: TRACKING)
          weight: Int @join__field(graph: LABELS)
          location: String @join__field(graph: TRACKING)
        }
        type Delivery @join__type(graph: PARCELS) {
          driver: String!
          parcel: Parcel! @join__field(graph: PARCELS, provides: "barcode")
        }
        type Query @join__type(graph: LABELS) @join__type(graph: PARCELS) @join__type(graph: TRACKING) {
          deliveries: [Delivery!]! @join__field(graph: PARCELS)
        }
        """);

    [Fact]
    public async Task ProvidedKeyFeedsTheEntityJumpWithoutAFetchToTheKeyOwner()
    {
        var fake = new FakeSubgraphs()
            .On("parcels", _ => """{"data":{"deliveries":[{"driver":"Ana","parcel":{"__typename":"Parcel","barcode":"X-1"}}]}}""")
            .On("tracking", _ => """{"data":{"_entities":[{"location":"depot"}]}}""");

        var response = await TinySupergraph.RunAsync(Sdl, fake, "{ deliveries { driver parcel { barcode location } } }");

        Assert.Equal("""{"data":{"deliveries":[{"driver":"Ana","parcel":{"barcode":"X-1","location":"depot"}}]}}""", response);
        Assert.Empty(TinySupergraph.Queries(fake, "labels"));
        Assert.Equal(["parcels", "tracking"], fake.Requests.Select(r => r.Service));
        Assert.Contains("\"representations\":[{\"__typename\":\"Parcel\",\"barcode\":\"X-1\"}]", fake.Requests[1].Body);
    }
}
