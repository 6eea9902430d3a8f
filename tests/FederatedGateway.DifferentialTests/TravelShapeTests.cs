using System.Text.Json.Nodes;
using FederatedGateway.DifferentialTests.Travel;

namespace FederatedGateway.DifferentialTests;

/// <summary>One hand-checked travel answer, so the generated runs are known to reach the graph's federation features.</summary>
public sealed class TravelShapeTests
{
    [Fact]
    public async Task Interface_object_requires_nested_key_and_provides_answer_as_computed_by_hand()
    {
        await using var host = await TravelSubgraphs.StartAsync();
        using var runner = new DifferentialRunner(await File.ReadAllTextAsync(TravelSubgraphs.SupergraphPath), host.Urls, TravelDifferentialTests.Samples, maxDepth: 4);
        const string query = """
            { topRated(limit: 2) { __typename id averageRating ... on Hotel { title nightlyRate(currency: USD) { amount currency } cityTax { amount } } }
              booking(id: "b4") { hotel { title } flight { number carrier { name } fare(cabin: BUSINESS) { amount } } } }
            """;
        var answer = await runner.GatewayAsync(query, new JsonObject());
        var expected = JsonNode.Parse("""
            {"data":{"topRated":[
              {"__typename":"Hotel","id":"h3","averageRating":5,"title":"Gion Inn","nightlyRate":{"amount":253,"currency":"USD"},"cityTax":{"amount":12.5}},
              {"__typename":"Hotel","id":"h1","averageRating":4.5,"title":"Alfama Loft","nightlyRate":{"amount":187,"currency":"USD"},"cityTax":{"amount":10}}],
             "booking":{"hotel":{"title":"Gion Inn"},"flight":{"number":"983","carrier":{"name":"Scandinavian Airlines"},"fare":{"amount":2075}}}}}
            """);
        Assert.True(DifferentialRunner.JsonEquals(expected, answer), answer.ToJsonString());
        Assert.Null(await runner.CompareAsync(query, new JsonObject()));
    }
}
