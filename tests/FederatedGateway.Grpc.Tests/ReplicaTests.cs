using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

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

    [Fact]
    public async Task Gateway_replicas_urls_balance_a_grpc_subgraph_of_the_real_gateway_host()
    {
        await using var first = await GrpcTestServer.StartAsync(app => app.MapGrpcService<KitchenService>());
        var second = await GrpcTestServer.StartAsync(app => app.MapGrpcService<KitchenService>());
        var folder = Directory.CreateTempSubdirectory("fgw-grpc-replicas-").FullName;
        var config = Path.Combine(folder, "supergraph.yaml");
        await File.WriteAllTextAsync(config, $"subgraphs:\n  kitchen:\n    schema:\n      grpc:\n        url: {first.Url}\n        reflection: true\n        style: mirror\n");

        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["config"] = config,
            ["Gateway:WatchSupergraph"] = "false",
            ["Gateway:DeduplicateQueries"] = "false",
            ["Gateway:Replicas:Subgraphs:kitchen:Urls:0"] = first.Url,
            ["Gateway:Replicas:Subgraphs:kitchen:Urls:1"] = second.Url,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        await using var app = builder.Build();
        app.MapFederatedGateway("/graphql");
        await app.StartAsync();
        using var http = new HttpClient();

        async Task QueryAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var response = await http.PostAsJsonAsync(app.Urls.First() + "/graphql", new { query = $"{{ getItem(id: \"k{i}\") {{ id }} }}" });
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.True(body.GetProperty("data").GetProperty("getItem").GetProperty("id").GetString() == $"k{i}", body.GetRawText());
            }
        }

        await QueryAsync(30);
        Assert.InRange(first.Calls.Count("GetItem"), 5, 25);
        Assert.InRange(second.Calls.Count("GetItem"), 5, 25);

        await second.DisposeAsync();
        var before = first.Calls.Count("GetItem");
        await QueryAsync(20);
        Assert.Equal(20, first.Calls.Count("GetItem") - before);
        await app.StopAsync();
        Directory.Delete(folder, recursive: true);
    }
}
