using System.Text.Json;
using FederatedGateway.Core.Composition;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>
/// A GraphQL subgraph stand-in that owns Instrument (with quantity) and lists positions, extends the gRPC Quote
/// entity with a rating, and points at an Exchange entity owned by the gRPC service.
/// </summary>
public static class PortfolioSubgraph
{
    public const string Sdl = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

        type Query {
          positions: [Position!]!
          venue: Exchange
        }

        type Position {
          id: ID!
          instrument: Instrument!
        }

        type Instrument @key(fields: "symbol") {
          symbol: ID!
          name: String!
          quantity: Int!
        }

        type Quote @key(fields: "symbol") {
          symbol: ID!
          rating: String!
        }

        type Exchange @key(fields: "code", resolvable: false) {
          code: ID!
        }
        """;

    public static SubgraphSource Source => new("portfolio", "http://portfolio.test/graphql", Sdl);

    /// <summary>AAPL twice, MSFT and TLT: four positions, three distinct instruments.</summary>
    public static CannedSubgraphClient Client() => new(Answer);

    private static string Answer(string body)
    {
        if (body.Contains("_entities", StringComparison.Ordinal))
        {
            using var request = JsonDocument.Parse(body);
            var representations = request.RootElement.GetProperty("variables").GetProperty("representations");
            var items = representations.EnumerateArray()
                .Select(r => $"{{\"__typename\":\"Quote\",\"rating\":\"rated-{r.GetProperty("symbol").GetString()}\"}}");
            return "{\"data\":{\"_entities\":[" + string.Join(",", items) + "]}}";
        }

        return """
            {"data":{
              "venue":{"__typename":"Exchange","code":"XNAS"},
              "positions":[
                {"id":"p1","instrument":{"__typename":"Instrument","symbol":"AAPL","name":"Apple","quantity":10}},
                {"id":"p2","instrument":{"__typename":"Instrument","symbol":"MSFT","name":"Microsoft","quantity":20}},
                {"id":"p3","instrument":{"__typename":"Instrument","symbol":"AAPL","name":"Apple","quantity":10}},
                {"id":"p4","instrument":{"__typename":"Instrument","symbol":"TLT","name":"Treasuries","quantity":30}}
              ]}}
            """;
    }
}
