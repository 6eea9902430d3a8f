using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests;

/// <summary>A gRPC subgraph served by two real replicas: calls are spread over both, and one going away costs no answer.</summary>
public sealed class ReplicaTests
{
    [Fact]
    public async Task Calls_are_spread_over_two_replicas_and_the_survivor_answers_all_once_one_is_killed()
    {
        await using var first = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>());
        var second = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>());
        var schema = TestSchemas.Market();
        using var gateway = new TestGateway(
            [GrpcSubgraphSources.Create("market", first.Url, schema), PortfolioSubgraph.Source],
            new GrpcSourceRegistry().Add("market", schema, first.Url),
            PortfolioSubgraph.Client(),
            new GrpcSubgraphClientOptions
            {
                ReplicasBySubgraph = new Dictionary<string, IReadOnlyList<string>> { ["market"] = [first.Url, second.Url] },
            });

        for (var i = 0; i < 40; i++)
        {
            var answer = await gateway.QueryAsync($"{{ getQuote(symbol: \"S{i}\") {{ bid }} }}");
            Assert.False(answer.TryGetProperty("errors", out _), answer.GetRawText());
        }

        Assert.InRange(first.Calls.Count("GetQuote"), 10, 30);
        Assert.InRange(second.Calls.Count("GetQuote"), 10, 30);

        await second.DisposeAsync();
        var before = first.Calls.Count("GetQuote");
        for (var i = 0; i < 40; i++)
        {
            var answer = await gateway.QueryAsync($"{{ getQuote(symbol: \"K{i}\") {{ bid }} }}");
            Assert.False(answer.TryGetProperty("errors", out _), $"query {i} after the kill: {answer.GetRawText()}");
        }

        Assert.Equal(40, first.Calls.Count("GetQuote") - before);
    }
}
