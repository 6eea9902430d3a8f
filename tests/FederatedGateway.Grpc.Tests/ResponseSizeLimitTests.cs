using System.Text.Json;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests;

/// <summary>A gRPC answer over MaxReceiveMessageSize is refused like an HTTP one over the size limit.</summary>
public sealed class ResponseSizeLimitTests
{
    [Fact]
    public async Task An_answer_over_MaxReceiveMessageSize_is_null_with_SUBREQUEST_RESPONSE_TOO_LARGE()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>());
        var schema = TestSchemas.Market();
        using var gateway = new TestGateway(
            [GrpcSubgraphSources.Create("market", server.Url, schema), PortfolioSubgraph.Source], new GrpcSourceRegistry().Add("market", schema, server.Url), PortfolioSubgraph.Client(),
            options: new GrpcSubgraphClientOptions { MaxReceiveMessageSize = 4 });

        var answer = await gateway.QueryAsync("{ getQuote(symbol: \"X\") { bid } }");

        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal(SubgraphFailureCodes.ResponseTooLarge, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("larger than 4 bytes", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("data").GetProperty("getQuote").ValueKind);
    }

    [Fact]
    public async Task An_answer_within_the_limit_is_served()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>());
        var schema = TestSchemas.Market();
        using var gateway = new TestGateway(
            [GrpcSubgraphSources.Create("market", server.Url, schema), PortfolioSubgraph.Source], new GrpcSourceRegistry().Add("market", schema, server.Url), PortfolioSubgraph.Client(),
            options: new GrpcSubgraphClientOptions { MaxReceiveMessageSize = 64 * 1024 });

        var answer = await gateway.QueryAsync("{ getQuote(symbol: \"X\") { bid } }");

        Assert.False(answer.TryGetProperty("errors", out _), answer.GetRawText());
        Assert.Equal(JsonValueKind.Number, answer.GetProperty("data").GetProperty("getQuote").GetProperty("bid").ValueKind);
    }
}
