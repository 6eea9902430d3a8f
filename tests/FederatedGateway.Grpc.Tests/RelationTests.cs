using System.Text.Json;
using FederatedGateway.Core.Composition;
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
/// A relation field declared in the config: the greeter's reply text is taken as the id of a Person another
/// subgraph owns, so the reply type gets a <c>person</c> field the gateway joins to that subgraph.
/// </summary>
public sealed class RelationTests : IAsyncLifetime
{
    private const string PeopleSdl = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

        type Query { nobody: Person }

        type Person @key(fields: "id") {
          id: ID!
          displayName: String!
        }
        """;

    private GrpcTestServer _server = null!;
    private TestGateway _gateway = null!;
    private CannedSubgraphClient _people = null!;
    private GrpcSchema _schema = null!;

    public async Task InitializeAsync()
    {
        _server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<GreeterService>());
        var overlay = new GrpcOptionsOverlay();
        overlay.Fields["HelloReply"] = new(StringComparer.Ordinal)
        {
            ["message"] = new(new FieldOptions { Relation = "Person", RelationField = "author" }, "test config"),
        };
        var source = new GrpcSourceDefinition { DescriptorSetPath = Protoc.BuildDescriptorSet("greeter.proto"), Overlay = overlay, Translation = TestSchemas.Mirror };
        _schema = await GrpcSourceLoader.LoadAsync(source, _server.Url, TimeSpan.FromSeconds(10));
        _people = new CannedSubgraphClient(Answer);
        _gateway = new TestGateway(
            [GrpcSubgraphSources.Create("greeter", _server.Url, _schema), new SubgraphSource("people", "http://people.test/graphql", PeopleSdl)],
            new GrpcSourceRegistry().Add("greeter", _schema, _server.Url),
            _people);
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void The_reply_type_gets_the_relation_field_and_the_entity_only_its_key()
    {
        Assert.Contains("type HelloReply {\n  message: String!\n  author: Person\n}", _schema.Sdl, StringComparison.Ordinal);
        Assert.Contains("type Person @key(fields: \"id\", resolvable: false) {\n  id: ID!\n}", _schema.Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_joins_the_relation_to_the_subgraph_that_owns_the_entity()
    {
        var answer = await _gateway.QueryAsync("{ getGreeting(name: \"Ada\") { message author { __typename id displayName } } }");

        Assert.Equal(
            "{\"getGreeting\":{\"message\":\"Hello Ada\",\"author\":{\"__typename\":\"Person\",\"id\":\"Hello Ada\",\"displayName\":\"Person Hello Ada\"}}}",
            CodecTests.Data(answer).GetRawText());
        Assert.Contains(_people.Requests, body => body.Contains("_entities", StringComparison.Ordinal) && body.Contains("\"id\":\"Hello Ada\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Selecting_more_than_the_key_of_the_relation_at_the_source_itself_is_a_plan_error_not_a_crash()
    {
        // Straight to the source, as no plan would send it: only the key lives here.
        var error = Assert.Throws<Client.GrpcPlanException>(() => Client.GrpcCallPlanCompiler.Compile(_schema, "{ getGreeting(name: \"x\") { author { displayName } } }"));
        Assert.Contains("Person.displayName is not resolved by this gRPC source", error.Message, StringComparison.Ordinal);
    }

    private static string Answer(string body)
    {
        using var request = JsonDocument.Parse(body);
        var items = request.RootElement.GetProperty("variables").GetProperty("representations").EnumerateArray()
            .Select(r => JsonSerializer.Serialize(new { __typename = "Person", displayName = "Person " + r.GetProperty("id").GetString() }));
        return "{\"data\":{\"_entities\":[" + string.Join(",", items) + "]}}";
    }
}
