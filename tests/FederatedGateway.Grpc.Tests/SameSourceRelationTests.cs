using System.Text.Json;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Options;
using FederatedGateway.Grpc.Overlay;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using FederatedGateway.Grpc.Translation;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// Relations declared in the config between entities of one source, resolved by the source through the target's
/// lookup, its proto untouched: a quote's symbol names its <c>Issuer</c> (batch lookup answering a map; unknown
/// identifiers left out), and an issuer's name names its <c>Exchange</c> (one key per call).
/// </summary>
public sealed class SameSourceRelationTests : IAsyncLifetime
{
    private GrpcTestServer _server = null!;
    private TestGateway _gateway = null!;
    private GrpcSchema _schema = null!;

    public async Task InitializeAsync()
    {
        _server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>());
        _schema = await LoadAsync(new FieldOptions { Relation = "Exchange", RelationField = "exchange", RelationKey = "code" });
        _gateway = new TestGateway(
            [GrpcSubgraphSources.Create("market", _server.Url, _schema), PortfolioSubgraph.Source],
            new GrpcSourceRegistry().Add("market", _schema, _server.Url), PortfolioSubgraph.Client());
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _server.DisposeAsync();
    }

    private Task<GrpcSchema> LoadAsync(FieldOptions issuerName)
    {
        var overlay = new GrpcOptionsOverlay();
        overlay.Fields["Quote"] = new(StringComparer.Ordinal)
        {
            ["symbol"] = new(new FieldOptions { Relation = "Issuer", RelationField = "issuer", RelationKey = "lei" }, "test config"),
        };
        overlay.Fields["Issuer"] = new(StringComparer.Ordinal) { ["name"] = new(issuerName, "test config") };
        var source = new GrpcSourceDefinition { DescriptorSetPath = Protoc.BuildDescriptorSet("market.proto"), Overlay = overlay, Translation = TestSchemas.Mirror };
        return GrpcSourceLoader.LoadAsync(source, _server.Url, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void The_relation_field_returns_the_source_s_own_entity_with_no_stub_of_it()
    {
        Assert.Matches("type Quote @key\\(fields: \"symbol\"\\) \\{[^}]*\n  issuer: Issuer\n", _schema.Sdl);
        Assert.Matches("type Issuer @key\\(fields: \"lei\"\\) \\{[^}]*\n  exchange: Exchange\n", _schema.Sdl);
        Assert.DoesNotContain("resolvable: false", _schema.Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relation_is_resolved_through_the_lookup_of_its_entity_after_the_call_that_gave_the_key()
    {
        var answer = await _gateway.QueryAsync("{ getQuote(symbol: \"AB\") { symbol issuer { __typename lei name } } }");

        Assert.Equal(
            "{\"getQuote\":{\"symbol\":\"AB\",\"issuer\":{\"__typename\":\"Issuer\",\"lei\":\"AB\",\"name\":\"Issuer AB\"}}}",
            CodecTests.Data(answer).GetRawText());
        Assert.Equal(["AB"], _server.Calls.Details("BatchGetIssuers"));
    }

    [Fact]
    public async Task Keys_of_a_list_are_asked_once_each_level_by_level_and_an_unknown_one_is_null_with_an_error_at_its_path()
    {
        var answer = await _gateway.QueryAsync(
            "{ batchGetQuotes(symbols: [\"AB\", \"NOX\", \"AB\", \"CDE\"]) { quotes { symbol issuer { name exchange { code name } } } } }");

        Assert.Equal(
            "{\"batchGetQuotes\":{\"quotes\":["
            + "{\"symbol\":\"AB\",\"issuer\":{\"name\":\"Issuer AB\",\"exchange\":{\"code\":\"Issuer AB\",\"name\":\"Exchange Issuer AB\"}}},"
            + "{\"symbol\":\"NOX\",\"issuer\":null},"
            + "{\"symbol\":\"AB\",\"issuer\":{\"name\":\"Issuer AB\",\"exchange\":{\"code\":\"Issuer AB\",\"name\":\"Exchange Issuer AB\"}}},"
            + "{\"symbol\":\"CDE\",\"issuer\":{\"name\":\"Issuer CDE\",\"exchange\":{\"code\":\"Issuer CDE\",\"name\":\"Exchange Issuer CDE\"}}}]}}",
            answer.GetProperty("data").GetRawText());
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal("[\"batchGetQuotes\",\"quotes\",1,\"issuer\"]", error.GetProperty("path").GetRawText());
        Assert.Equal("NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());

        Assert.Equal(["AB,NOX,CDE"], _server.Calls.Details("BatchGetIssuers"));
        Assert.Equal(["Issuer AB", "Issuer CDE"], _server.Calls.Details("GetExchange").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Relations_of_entities_another_subgraph_points_at_are_resolved_within_the_entity_fetch()
    {
        var answer = await _gateway.QueryAsync("{ watchlist { symbol issuer { name exchange { name } } } }");

        Assert.Equal(
            "{\"watchlist\":["
            + "{\"symbol\":\"MSFT\",\"issuer\":{\"name\":\"Issuer L-MSFT\",\"exchange\":{\"name\":\"Exchange Issuer L-MSFT\"}}},"
            + "{\"symbol\":\"NOPE\",\"issuer\":null},"
            + "{\"symbol\":\"AAPL\",\"issuer\":{\"name\":\"Issuer L-AAPL\",\"exchange\":{\"name\":\"Exchange Issuer L-AAPL\"}}},"
            + "{\"symbol\":\"MSFT\",\"issuer\":{\"name\":\"Issuer L-MSFT\",\"exchange\":{\"name\":\"Exchange Issuer L-MSFT\"}}}]}",
            answer.GetProperty("data").GetRawText());
        Assert.Equal(["Issuer L-AAPL", "Issuer L-MSFT"], _server.Calls.Details("GetExchange").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_the_relation_selected_no_lookup_is_made()
    {
        var answer = await _gateway.QueryAsync("{ batchGetQuotes(symbols: [\"AB\"]) { quotes { symbol bid } } }");

        Assert.Equal("{\"batchGetQuotes\":{\"quotes\":[{\"symbol\":\"AB\",\"bid\":20.5}]}}", CodecTests.Data(answer).GetRawText());
        Assert.Empty(_server.Calls.Details("BatchGetIssuers"));
    }

    [Fact]
    public async Task Each_streamed_message_has_its_relations_resolved()
    {
        using var client = new GrpcSubgraphClient(new GrpcSourceRegistry().Add("market", _schema, _server.Url));
        var events = await StreamingTests.CollectAsync(client, _server.Url, "subscription { streamQuotes(symbols: [\"AB\"]) { bid issuer { name } } }", "{}", "market");

        Assert.Equal(
            [
                "Next: {\"data\":{\"streamQuotes\":{\"bid\":20.5,\"issuer\":{\"name\":\"Issuer AB\"}}}}",
                "Next: {\"data\":{\"streamQuotes\":{\"bid\":21.5,\"issuer\":{\"name\":\"Issuer AB\"}}}}",
                "Next: {\"data\":{\"streamQuotes\":{\"bid\":22.5,\"issuer\":{\"name\":\"Issuer AB\"}}}}",
            ],
            events);
    }

    [Fact]
    public async Task A_relation_to_an_own_type_that_is_not_an_entity_by_that_key_is_refused_with_what_it_needs()
    {
        var error = await Assert.ThrowsAsync<GrpcSourceException>(() => LoadAsync(new FieldOptions { Relation = "Exchange", RelationField = "exchange", RelationKey = "name" }));

        Assert.Contains("a relation names Exchange, which this source translates itself", error.Message, StringComparison.Ordinal);
        Assert.Contains("keyed by \"name\" with a lookup RPC", error.Message, StringComparison.Ordinal);
    }
}
