using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// The acceptance path: services the gateway was never compiled against (one with server reflection on, one described
/// only by a protoc descriptor-set file) are added to supergraph.yaml; the real gateway host composes the file at
/// start (--config) and serves queries over HTTP that reach both services.
/// </summary>
public sealed class ConfigCompositionTests
{
    [Fact]
    public async Task Reflection_and_descriptor_set_sources_in_supergraph_yaml_are_composed_and_queried_through_the_gateway()
    {
        await using var kitchen = await GrpcTestServer.StartAsync(app => app.MapGrpcService<KitchenService>());
        await using var greeter = await GrpcTestServer.StartAsync(app => app.MapGrpcService<GreeterService>(), reflection: false);
        var folder = Directory.CreateTempSubdirectory("fgw-grpc-").FullName;
        File.Copy(Protoc.BuildDescriptorSet("greeter.proto"), Path.Combine(folder, "greeter.pb"));
        var config = Path.Combine(folder, "supergraph.yaml");
        await File.WriteAllTextAsync(config, $"""
            subgraphs:
              kitchen:
                schema:
                  grpc:
                    url: {kitchen.Url}
                    reflection: true
                    style: mirror
              greeter:
                routing_url: {greeter.Url}
                schema:
                  grpc:
                    url: {greeter.Url}
                    descriptor_set: greeter.pb
            """);

        await using var gateway = await GatewayHost.StartAsync(config);
        var body = await gateway.QueryAsync("{ greeting(name: \"Ada\") getItem(id: \"k1\") { id color createdAt payload { ... on Gadget { size } } } }");
        Assert.Equal(
            "{\"greeting\":\"Hello Ada\",\"getItem\":{\"id\":\"k1\",\"color\":\"GREEN\",\"createdAt\":\"2024-05-06T07:08:09.120Z\",\"payload\":{\"size\":42}}}",
            CodecTests.Data(body).GetRawText());
    }

    [Fact]
    public void Descriptor_sets_named_in_supergraph_yaml_are_watched()
    {
        var folder = Directory.CreateTempSubdirectory("fgw-grpc-watch-").FullName;
        var config = Path.Combine(folder, "supergraph.yaml");
        File.WriteAllText(config, "subgraphs:\n  m:\n    schema:\n      grpc:\n        url: grpc://127.0.0.1:1\n        descriptor_set: ./protos/m.pb\n");
        var watched = FederatedGateway.Core.CompositionConfig.SupergraphConfigReader.Read(config).WatchedFiles().ToList();
        Assert.Contains(Path.Combine(folder, "protos", "m.pb"), watched);
    }

    [Fact]
    public void A_grpc_entry_without_descriptor_set_or_reflection_is_a_clear_error()
    {
        var entry = new FederatedGateway.Core.CompositionConfig.SubgraphConfig("m", null, null, null) { Source = new("grpc", new Dictionary<string, string> { ["url"] = "grpc://127.0.0.1:1" }, null) };
        var error = Assert.Throws<FederatedGateway.Core.CompositionConfig.SupergraphConfigException>(() => Composition.GrpcConfigSources.Read(entry, "/"));
        Assert.Contains("exactly one of \"descriptor_set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grpc_entry_with_an_http_url_is_a_clear_error()
    {
        var entry = new FederatedGateway.Core.CompositionConfig.SubgraphConfig("m", null, null, null) { Source = new("grpc", new Dictionary<string, string> { ["url"] = "http://127.0.0.1:1", ["reflection"] = "true" }, null) };
        var error = Assert.Throws<FederatedGateway.Core.CompositionConfig.SupergraphConfigException>(() => Composition.GrpcConfigSources.Read(entry, "/"));
        Assert.Contains("grpc://host:port", error.Message, StringComparison.Ordinal);
    }
}
