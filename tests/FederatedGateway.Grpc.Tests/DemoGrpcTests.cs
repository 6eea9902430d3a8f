using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.Core.Composition;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Demo;
using FederatedGateway.Demo.Grpc;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.OpenApi.Sources;
using FederatedGateway.Soap.Sources;
using Microsoft.AspNetCore.Builder;

using FederatedGateway.Grpc.Tests.Infrastructure;

namespace FederatedGateway.Grpc.Tests;

/// <summary>The demo: GraphQL subgraphs and gRPC services behind one gateway, one client query across both.</summary>
public sealed class DemoGrpcTests : IAsyncLifetime
{
    private DemoGrpcStack _demo = null!;

    public async Task InitializeAsync() => _demo = await DemoGrpcStack.StartAsync();

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task One_query_mixes_GraphQL_and_gRPC_and_the_entity_lookups_reach_the_service_as_one_batched_call()
    {
        var data = await QueryAsync("{ traders { name risk { level } positions { quantity instrument { symbol name lastPrice quote { bid ask last volume time } } } } }");
        var traders = data.GetProperty("traders");
        Assert.Equal(3, traders.GetArrayLength());
        var ada = traders[0];
        Assert.Equal("Ada Lovelace", ada.GetProperty("name").GetString());
        Assert.Equal("MEDIUM", ada.GetProperty("risk").GetProperty("level").GetString());
        var apple = ada.GetProperty("positions")[0].GetProperty("instrument");
        Assert.Equal("{\"symbol\":\"AAPL\",\"name\":\"Apple Inc.\",\"lastPrice\":189.25,\"quote\":{\"bid\":188.6445,\"ask\":188.7199,\"last\":188.6822,\"volume\":\"16000012\",\"time\":\"2026-11-27T14:30:00Z\"}}", apple.GetRawText());

        // Six instruments held by three traders: one BatchGetQuotes call carries all of them.
        Assert.Equal(1, _demo.Grpc.Calls.Count("BatchGetQuotes"));
        Assert.Equal(6, _demo.Grpc.Calls.Batches.Single().Split(',').Length);
        Assert.Equal(3, _demo.Grpc.Calls.Count("GetTraderRisk"));
    }

    [Fact]
    public async Task A_gRPC_root_field_leads_into_GraphQL_owned_fields()
    {
        // BatchGetQuotes in the idiomatic style: "quotes", its one-field response unwrapped to the instruments.
        var data = await QueryAsync("{ quotes(symbols: [\"SAP\", \"VOD\"]) { symbol name currency quote { last } } }");
        Assert.Equal(
            "[{\"symbol\":\"SAP\",\"name\":\"SAP SE\",\"currency\":\"EUR\",\"quote\":{\"last\":181.8528}},{\"symbol\":\"VOD\",\"name\":\"Vodafone Group Plc\",\"currency\":\"GBP\",\"quote\":{\"last\":0.7178}}]",
            data.GetProperty("quotes").GetRawText());
    }

    [Fact]
    public async Task A_subscription_fed_by_a_server_streaming_RPC_delivers_its_events_over_server_sent_events()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "subscription { quotes(symbols: [\"NVDA\"], limit: 3, interval: \"0.01s\") { symbol last } }" }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _demo.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var events = body.Split('\n').Where(l => l.StartsWith("data: {", StringComparison.Ordinal)).Select(l => l[6..]).ToList();
        Assert.Equal(
            [
                "{\"data\":{\"quotes\":{\"symbol\":\"NVDA\",\"last\":121.0358}}}",
                "{\"data\":{\"quotes\":{\"symbol\":\"NVDA\",\"last\":121.1572}}}",
                "{\"data\":{\"quotes\":{\"symbol\":\"NVDA\",\"last\":121.2786}}}",
            ],
            events);
        Assert.Contains("event: complete", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_checked_in_full_demo_supergraph_is_what_its_config_composes_to()
    {
        var config = SupergraphConfigReader.Read(Path.Combine(Repo(), "schemas", "supergraph-grpc.yaml"));
        using var http = new HttpClient();
        var folder = Path.GetDirectoryName(config.Path)!;
        var sources = await new SubgraphSourceLoader(
            http, GrpcConfigSources.Resolver(folder), OpenApiConfigSources.Resolver(folder), SoapConfigSources.Resolver(folder))
            .LoadAsync(config, CancellationToken.None);
        var composed = SupergraphComposer.Compose(sources);
        Assert.True(composed.Succeeded);
        Assert.True(
            composed.SupergraphSdl == await File.ReadAllTextAsync(Path.Combine(Repo(), "schemas", "supergraph-grpc.graphql")),
            "schemas/supergraph-grpc.graphql is stale; run: dotnet run --project tools/FederatedGateway.Cli -- compose --config schemas/supergraph-grpc.yaml --output schemas/supergraph-grpc.graphql");
    }

    private async Task<JsonElement> QueryAsync(string query)
    {
        var response = await _demo.Http.PostAsJsonAsync("/graphql", new { query });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return CodecTests.Data(body);
    }

    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
