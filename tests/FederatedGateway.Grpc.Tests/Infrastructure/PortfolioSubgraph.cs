using System.Text.Json;
using FederatedGateway.Core.Composition;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>
/// A GraphQL subgraph stand-in that owns Instrument (with quantity) and lists positions, extends the gRPC Quote
/// entity with a rating, and points at Exchange and Issuer entities owned by the gRPC service. Its watchlist holds
/// an instrument and an issuer the gRPC service does not know ("NO…"), and one instrument twice.
/// </summary>
public static class PortfolioSubgraph
{
    public const string Sdl = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

        type Query {
          positions: [Position!]!
          venue: Exchange
          watchlist: [Instrument!]!
        }

        type Position {
          id: ID!
          instrument: Instrument!
        }

        type Instrument @key(fields: "symbol") {
          symbol: ID!
          name: String!
          quantity: Int!
          issuer: Issuer
        }

        type Issuer @key(fields: "lei", resolvable: false) {
          lei: ID!
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
              "watchlist":[
                {"__typename":"Instrument","symbol":"MSFT","name":"Microsoft","quantity":20,"issuer":{"__typename":"Issuer","lei":"L-MSFT"}},
                {"__typename":"Instrument","symbol":"NOPE","name":"Delisted","quantity":1,"issuer":{"__typename":"Issuer","lei":"NO-LEI"}},
                {"__typename":"Instrument","symbol":"AAPL","name":"Apple","quantity":10,"issuer":{"__typename":"Issuer","lei":"L-AAPL"}},
                {"__typename":"Instrument","symbol":"MSFT","name":"Microsoft","quantity":20,"issuer":{"__typename":"Issuer","lei":"L-MSFT"}}
              ],
              "positions":[
                {"id":"p1","instrument":{"__typename":"Instrument","symbol":"AAPL","name":"Apple","quantity":10}},
                {"id":"p2","instrument":{"__typename":"Instrument","symbol":"MSFT","name":"Microsoft","quantity":20}},
                {"id":"p3","instrument":{"__typename":"Instrument","symbol":"AAPL","name":"Apple","quantity":10}},
                {"id":"p4","instrument":{"__typename":"Instrument","symbol":"TLT","name":"Treasuries","quantity":30}}
              ]}}
            """;
    }
}
