using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using FederatedGateway.Grpc.Translation;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// The three ways to describe a service (generated code, a protoc descriptor set, server reflection) give the same
/// subgraph, and a service known only through a descriptor-set file or only through reflection is composed and
/// queried through the gateway.
/// </summary>
public sealed class SourceKindTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Generated_descriptor_set_and_reflection_give_the_same_subgraph()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<KitchenService>());
        var generated = TestSchemas.Kitchen().Sdl;
        var fromFile = GrpcSchemaTranslator.Translate(ProtoFiles.FromDescriptorSetFile(Protoc.BuildDescriptorSet("kitchen.proto")), TestSchemas.Mirror).Sdl;
        var fromReflection = (await GrpcSourceLoader.LoadAsync(new GrpcSourceDefinition { Reflection = true, Translation = TestSchemas.Mirror }, server.Url, Timeout)).Sdl;
        Assert.Equal(generated, fromFile);
        Assert.Equal(generated, fromReflection);
    }

    [Fact]
    public async Task A_service_known_only_through_reflection_is_composed_and_queried()
    {
        // Started on its own; the gateway side gets nothing but its URL.
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>());
        var subgraph = await GrpcSubgraphSources.LoadAsync("market", server.Url, new GrpcSourceDefinition { Reflection = true }, Timeout);
        using var gateway = new TestGateway([subgraph, PortfolioSubgraph.Source], new GrpcSourceRegistry(), PortfolioSubgraph.Client());
        var answer = await gateway.QueryAsync("{ quote(symbol: \"IBM\") { symbol bid volume time } }");
        Assert.Equal(
            "{\"quote\":{\"symbol\":\"IBM\",\"bid\":30.5,\"volume\":\"5000000003\",\"time\":\"2024-01-02T03:04:05Z\"}}",
            CodecTests.Data(answer).GetRawText());
    }

    [Fact]
    public async Task A_service_known_only_through_a_descriptor_set_file_is_composed_and_queried()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>(), reflection: false);
        var source = new GrpcSourceDefinition { DescriptorSetPath = Protoc.BuildDescriptorSet("market.proto") };
        var subgraph = await GrpcSubgraphSources.LoadAsync("market", server.Url, source, Timeout);
        using var gateway = new TestGateway([subgraph, PortfolioSubgraph.Source], new GrpcSourceRegistry().Add("market", source), PortfolioSubgraph.Client());
        // The idiomatic style (the default): BatchGetQuotes is "quotes", its one-field response unwrapped to the list.
        var answer = await gateway.QueryAsync("{ quotes(symbols: [\"A\", \"BB\"]) { symbol ask } }");
        Assert.Equal(
            "{\"quotes\":[{\"symbol\":\"A\",\"ask\":10.75},{\"symbol\":\"BB\",\"ask\":20.75}]}",
            CodecTests.Data(answer).GetRawText());
    }

    [Fact]
    public void A_file_that_is_not_a_descriptor_set_is_a_clear_error()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not protobuf at all");
        var error = Assert.Throws<GrpcSourceException>(() => ProtoFiles.FromDescriptorSetFile(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reflection_against_a_server_without_it_is_a_clear_error()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>(), reflection: false);
        var error = await Assert.ThrowsAsync<GrpcSourceException>(() => GrpcSourceLoader.LoadAsync(new GrpcSourceDefinition { Reflection = true }, server.Url, Timeout));
        Assert.Contains("reflection", error.Message, StringComparison.Ordinal);
    }
}
