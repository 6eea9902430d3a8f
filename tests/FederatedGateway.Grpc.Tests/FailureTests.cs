using System.Text.Json;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FederatedGateway.Grpc.Tests;

/// <summary>gRPC failures become GraphQL errors whose extensions.code is the status name; the gateway never crashes.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task An_unreachable_service_is_UNAVAILABLE_after_retries()
    {
        var url = "grpc://127.0.0.1:" + FreePort();
        var schema = TestSchemas.Market();
        using var gateway = new TestGateway([GrpcSubgraphSources.Create("market", url, schema), PortfolioSubgraph.Source], new GrpcSourceRegistry().Add("market", schema, url), PortfolioSubgraph.Client());
        var answer = await gateway.QueryAsync("{ getQuote(symbol: \"X\") { bid } }");
        var error = SingleError(answer);
        Assert.Equal("UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(14, error.GetProperty("extensions").GetProperty("grpcStatus").GetInt32());
        Assert.Equal("[\"getQuote\"]", error.GetProperty("path").GetRawText());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("data").GetProperty("getQuote").ValueKind);
    }

    [Fact]
    public async Task An_unreachable_services_address_is_logged_never_answered()
    {
        var port = FreePort();
        var url = "grpc://127.0.0.1:" + port;
        var schema = TestSchemas.Market();
        var log = new FakeLogger();
        using var gateway = new TestGateway(
            [GrpcSubgraphSources.Create("market", url, schema), PortfolioSubgraph.Source], new GrpcSourceRegistry().Add("market", schema, url), PortfolioSubgraph.Client(),
            new GrpcSubgraphClientOptions { MaxRetries = 0 }, log);

        var answer = await gateway.QueryAsync("{ getQuote(symbol: \"X\") { bid } }");

        var message = SingleError(answer).GetProperty("message").GetString()!;
        Assert.Contains("UNAVAILABLE", message);
        Assert.DoesNotContain("127.0.0.1", answer.GetRawText());
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.GetRawText());
        var logged = Assert.Single(log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains(url, logged.Message);
        Assert.IsType<global::Grpc.Core.RpcException>(logged.Exception);
    }

    [Fact]
    public async Task A_slow_service_is_DEADLINE_EXCEEDED()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>());
        var schema = TestSchemas.Market();
        using var gateway = new TestGateway(
            [GrpcSubgraphSources.Create("market", server.Url, schema), PortfolioSubgraph.Source], new GrpcSourceRegistry().Add("market", schema, server.Url), PortfolioSubgraph.Client(),
            options: new GrpcSubgraphClientOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        var answer = await gateway.QueryAsync("{ slowQuote(symbol: \"X\") { bid } }");
        Assert.Equal("DEADLINE_EXCEEDED", SingleError(answer).GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_message_that_does_not_match_the_descriptors_is_a_clean_error()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<ShapeServerService>(), reflection: false);
        var schema = TestSchemas.ShapesAsTheGatewaySeesThem();
        using var gateway = new TestGateway([GrpcSubgraphSources.Create("shapes", server.Url, schema)], new GrpcSourceRegistry().Add("shapes", schema, server.Url));
        var answer = await gateway.QueryAsync("{ getShape(id: \"1\") { name } }");
        var error = SingleError(answer);
        Assert.Equal("INTERNAL", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("malformed", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("data").GetProperty("getShape").ValueKind);
    }

    [Fact]
    public async Task A_status_with_details_keeps_its_code_and_details()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>());
        var schema = TestSchemas.Market();
        using var gateway = new TestGateway([GrpcSubgraphSources.Create("market", server.Url, schema), PortfolioSubgraph.Source], new GrpcSourceRegistry().Add("market", schema, server.Url), PortfolioSubgraph.Client());
        var answer = await gateway.QueryAsync("{ failQuote(symbol: \"ZZZ\") { bid } }");
        var extensions = SingleError(answer).GetProperty("extensions");
        Assert.Equal("NOT_FOUND", extensions.GetProperty("code").GetString());
        Assert.Equal("/fgwtest.market.v1.MarketData/FailQuote", extensions.GetProperty("grpcMethod").GetString());
        var detail = extensions.GetProperty("details")[0];
        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", detail.GetProperty("@type").GetString());
        Assert.Equal("UNKNOWN_SYMBOL", detail.GetProperty("reason").GetString());
        Assert.Equal("ZZZ", detail.GetProperty("metadata").GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task A_source_whose_descriptors_cannot_be_had_fails_the_fetch_not_the_gateway()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>(), reflection: false);
        var schema = TestSchemas.Market();
        // Composed from generated code, but at run time only reflection is configured, and the server has none.
        using var gateway = new TestGateway([GrpcSubgraphSources.Create("market", server.Url, schema), PortfolioSubgraph.Source], new GrpcSourceRegistry(), PortfolioSubgraph.Client());
        var answer = await gateway.QueryAsync("{ getQuote(symbol: \"X\") { bid } }");
        Assert.Equal(GrpcSubgraphClient.SourceUnavailable, SingleError(answer).GetProperty("extensions").GetProperty("code").GetString());
    }

    private static JsonElement SingleError(JsonElement answer) => Assert.Single(answer.GetProperty("errors").EnumerateArray());

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
