using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests;

/// <summary>gRPC types extending entities owned by a GraphQL subgraph, and extended by it, in one supergraph.</summary>
public sealed class FederationTests : IAsyncLifetime
{
    private GrpcTestServer _server = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>());
        var schema = TestSchemas.Market();
        _gateway = new TestGateway(
            [GrpcSubgraphSources.Create("market", _server.Url, schema), PortfolioSubgraph.Source],
            new GrpcSourceRegistry().Add("market", schema, _server.Url),
            PortfolioSubgraph.Client());
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void The_gRPC_subgraph_is_routed_with_a_grpc_url() =>
        Assert.Contains($"MARKET @join__graph(name: \"market\", url: \"{_server.Url}\")", _gateway.Supergraph, StringComparison.Ordinal);

    [Fact]
    public async Task Entity_lookups_of_one_fetch_reach_the_service_as_one_batched_call_with_requires_inputs()
    {
        var answer = await _gateway.QueryAsync("{ positions { id instrument { symbol name quote { bid } exposure } } }");
        var positions = CodecTests.Data(answer).GetProperty("positions");
        Assert.Equal(4, positions.GetArrayLength());
        Assert.Equal("{\"symbol\":\"AAPL\",\"name\":\"Apple\",\"quote\":{\"bid\":40.5},\"exposure\":405}", positions[0].GetProperty("instrument").GetRawText());
        Assert.Equal(1, _server.Calls.Count("BatchGetInstruments"));
        Assert.Equal("AAPL:10,MSFT:20,TLT:30", _server.Calls.Details("BatchGetInstruments").Single());
    }

    [Fact]
    public async Task Scalar_batched_lookup_takes_all_keys_in_one_call()
    {
        var answer = await _gateway.QueryAsync("{ getQuote(symbol: \"IBM\") { symbol rating bid } }");
        Assert.Equal("{\"getQuote\":{\"symbol\":\"IBM\",\"rating\":\"rated-IBM\",\"bid\":30.5}}", CodecTests.Data(answer).GetRawText());
    }

    [Fact]
    public async Task A_GraphQL_subgraph_extends_a_gRPC_entity_and_the_gRPC_service_resolves_its_own_by_key()
    {
        var answer = await _gateway.QueryAsync("{ batchGetQuotes(symbols: [\"A\", \"BB\"]) { quotes { symbol ask rating } } }");
        Assert.Equal(
            "{\"batchGetQuotes\":{\"quotes\":[{\"symbol\":\"A\",\"ask\":10.75,\"rating\":\"rated-A\"},{\"symbol\":\"BB\",\"ask\":20.75,\"rating\":\"rated-BB\"}]}}",
            CodecTests.Data(answer).GetRawText());
    }

    [Fact]
    public async Task A_batched_lookup_that_leaves_out_unknown_keys_and_answers_in_its_own_order_is_paired_by_key_with_one_error_per_missing_entity()
    {
        var answer = await _gateway.QueryAsync("{ watchlist { symbol quote { bid } issuer { lei name } } }");

        Assert.Equal(
            "[{\"symbol\":\"MSFT\",\"quote\":{\"bid\":40.5},\"issuer\":{\"lei\":\"L-MSFT\",\"name\":\"Issuer L-MSFT\"}},"
            + "{\"symbol\":\"NOPE\",\"quote\":null,\"issuer\":null},"
            + "{\"symbol\":\"AAPL\",\"quote\":{\"bid\":40.5},\"issuer\":{\"lei\":\"L-AAPL\",\"name\":\"Issuer L-AAPL\"}},"
            + "{\"symbol\":\"MSFT\",\"quote\":{\"bid\":40.5},\"issuer\":{\"lei\":\"L-MSFT\",\"name\":\"Issuer L-MSFT\"}}]",
            answer.GetProperty("data").GetProperty("watchlist").GetRawText());

        // One NOT_FOUND error per missing entity, at the entity's path (the issuer's non-null name adds its own).
        var notFound = answer.GetProperty("errors").EnumerateArray()
            .Where(error => error.GetProperty("extensions").TryGetProperty("code", out var code) && code.GetString() == "NOT_FOUND")
            .ToDictionary(error => error.GetProperty("path").GetRawText(), error => error.GetProperty("message").GetString());
        Assert.Equal(2, notFound.Count);
        Assert.Contains("answered no Instrument for { symbol: \"NOPE\" }", notFound["[\"watchlist\",1]"], StringComparison.Ordinal);
        Assert.Contains("answered no Issuer for { lei: \"NO-LEI\" }", notFound["[\"watchlist\",1,\"issuer\"]"], StringComparison.Ordinal);

        // Each distinct key asked once, in one call per entity type.
        Assert.Equal("MSFT:0,NOPE:0,AAPL:0", _server.Calls.Details("BatchGetInstruments").Single());
        Assert.Equal("L-MSFT,NO-LEI,L-AAPL", _server.Calls.Details("BatchGetIssuers").Single());
    }

    [Fact]
    public async Task Single_lookups_are_one_call_per_representation()
    {
        var answer = await _gateway.QueryAsync("{ venue { code name } }");
        Assert.Equal("{\"venue\":{\"code\":\"XNAS\",\"name\":\"Exchange XNAS\"}}", CodecTests.Data(answer).GetRawText());
        Assert.Equal(1, _server.Calls.Count("GetExchange"));
    }
}
