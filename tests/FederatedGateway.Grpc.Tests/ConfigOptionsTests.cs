using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// fgw options written in supergraph.yaml instead of the proto (a service whose proto its owners won't change), and
/// the strict reading of the grpc entry: every misspelt key or name is an error with its place and a suggestion.
/// </summary>
public sealed class ConfigOptionsTests
{
    [Fact]
    public async Task Options_in_the_config_rename_a_method_and_a_field_of_a_proto_that_has_none()
    {
        var sdl = await ComposeAsync("greeter.proto", """
                    methods:
                      GetGreeting: { graphql_name: hello }
                    messages:
                      HelloRequest:
                        fields:
                          name: { graphql_name: who, required: true }
                      HelloReply:
                        fields:
                          message: { graphql_type: ID }
            """);

        Assert.Contains("\n  hello(who: String!): ID!\n", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entity_declared_in_the_config_gets_its_key_and_lookup_and_a_hidden_field_is_left_out()
    {
        var sdl = await ComposeAsync("greeter.proto", """
                    entities:
                      HelloReply: { key: message }
                    messages:
                      HelloRequest:
                        fields:
                          name: { hidden: true }
            """);

        // An entity's response is not unwrapped; the hidden request field leaves the method without arguments.
        Assert.Contains("type HelloReply @key(fields: \"message\", resolvable: false) {\n  message: ID!", sdl, StringComparison.Ordinal);
        Assert.Contains("\n  greeting: HelloReply\n", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_as_null_and_hidden_enum_values_read_as_null_through_the_real_gateway()
    {
        await using var kitchen = await GrpcTestServer.StartAsync(app => app.MapGrpcService<KitchenService>());
        var folder = Directory.CreateTempSubdirectory("fgw-grpc-options-").FullName;
        var config = Path.Combine(folder, "supergraph.yaml");
        await File.WriteAllTextAsync(config, $$"""
            subgraphs:
              kitchen:
                schema:
                  grpc:
                    url: {{kitchen.Url}}
                    reflection: true
                    messages:
                      Item:
                        fields:
                          count: { empty_as_null: true }
                    enums:
                      Color: { hidden: [COLOR_GREEN] }
            """);
        await using var gateway = await GatewayHost.StartAsync(config);

        var answer = await gateway.QueryAsync("{ a: item(id: \"a1\") { count color } e: item(id: \"empty\") { count } }");

        Assert.Equal("{\"a\":{\"count\":3,\"color\":null},\"e\":{\"count\":null}}", CodecTests.Data(answer).GetRawText());
        var sdl = (await GrpcConfigSources.Resolver(folder).Resolve(SupergraphConfigReader.Read(config).Subgraphs.Single(), CancellationToken.None))!.Sdl;
        Assert.Contains("enum Color {\n  RED\n}", sdl, StringComparison.Ordinal);
        Assert.Contains("\n  count: Int\n", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_option_names_its_line_and_the_option_meant()
    {
        var error = await Assert.ThrowsAsync<SupergraphConfigException>(() => ComposeAsync("greeter.proto", "        int64_as_nmber: true\n"));
        Assert.Matches(@"supergraph\.yaml:\d+:\d+: subgraph ""g"": grpc: unknown option ""int64_as_nmber""; did you mean ""int64_as_number""\?", error.Message);
    }

    [Fact]
    public async Task A_misspelt_entity_option_and_an_unknown_message_are_named_with_suggestions()
    {
        var option = await Assert.ThrowsAsync<SupergraphConfigException>(() => ComposeAsync("greeter.proto", """
                    entities:
                      HelloRequest: { key: name, lokup: GetGreeting }
            """));
        Assert.Contains("unknown option \"lokup\"; did you mean \"lookup\"?", option.Message, StringComparison.Ordinal);

        var message = await Assert.ThrowsAsync<SupergraphConfigException>(() => ComposeAsync("greeter.proto", """
                    entities:
                      HeloRequest: { key: name }
            """));
        Assert.Matches(@"supergraph\.yaml:\d+:\d+: no message named ""HeloRequest"" in the descriptors; did you mean ""HelloRequest""\?", message.Message);
    }

    [Fact]
    public async Task An_option_set_differently_in_the_proto_and_the_config_is_a_conflict_naming_both()
    {
        var error = await Assert.ThrowsAsync<SupergraphConfigException>(() => ComposeAsync("market.proto", """
                    entities:
                      Quote: { key: symbol, lookup: GetQuote }
            """));
        Assert.Contains("\"lookup\" is \"GetQuote\" here but \"BatchGetQuotes\" in the proto", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Composes one descriptor-set gRPC subgraph named "g" with <paramref name="options"/> added to its grpc entry.</summary>
    [Fact]
    public async Task A_composition_error_on_an_element_the_config_gave_options_names_that_config_line()
    {
        var (source, config) = await ResolveAsync("greeter.proto", """
                    entities:
                      HelloReply: { key: message }
                    messages:
                      HelloReply:
                        fields:
                          message: { requires: "missing" }
            """);

        // A @requires naming a field the type does not have.
        var errors = Core.Composition.SupergraphComposer.Compose([source]).Errors;
        var error = Assert.Single(errors, e => e.Message.Contains("generated from", StringComparison.Ordinal));
        Assert.Contains($"(generated from field fgwtest.greeter.v1.HelloReply.message (greeter.proto), options at {config}:12:24)", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ComposeAsync(string proto, string options) => (await ResolveAsync(proto, options)).Source.Sdl;

    private static async Task<(Core.Composition.SubgraphSource Source, string Config)> ResolveAsync(string proto, string options)
    {
        var folder = Directory.CreateTempSubdirectory("fgw-grpc-options-").FullName;
        File.Copy(Protoc.BuildDescriptorSet(proto), Path.Combine(folder, "service.pb"));
        var config = Path.Combine(folder, "supergraph.yaml");
        await File.WriteAllTextAsync(config, "subgraphs:\n  g:\n    schema:\n      grpc:\n        url: grpc://127.0.0.1:1\n        descriptor_set: service.pb\n" + options);
        var entry = SupergraphConfigReader.Read(config).Subgraphs.Single();
        return ((await GrpcConfigSources.Resolver(folder).Resolve(entry, CancellationToken.None))!, config);
    }
}
