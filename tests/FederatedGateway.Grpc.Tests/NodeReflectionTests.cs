using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// A gRPC service written in Node (@grpc/grpc-js with @grpc/reflection, whose replies carry no dependency lists and
/// merge the well-known types into one file) read through server reflection only: the gateway never sees its proto.
/// </summary>
public sealed class NodeReflectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private const int Attempts = 200;

    [Theory]
    [InlineData("both", "sent")]
    [InlineData("v1", "sent")]
    [InlineData("v1alpha", "sent")]
    [InlineData("both", "withheld")]
    public async Task Reflection_gives_the_subgraph_its_proto_would_give(string versions, string dependencies)
    {
        // "withheld": every file the service file uses has to be asked for by symbol (common.v1.Money) or supplied (google.protobuf.*).
        await using var server = await NodeLedgerServer.StartAsync(reflection: versions, dependencies: dependencies);
        var fromReflection = await GrpcSourceLoader.LoadAsync(new GrpcSourceDefinition { Reflection = true }, server.Url, Timeout);
        var fromProto = GrpcSchemaTranslator.Translate(ProtoFiles.FromDescriptorSetFile(LedgerDescriptorSet()));

        // The one difference is true to the descriptors: protobufjs names the map entry message "Limits", protoc
        // "LimitsEntry" (the GraphQL type is AccountLimitsEntry either way; its description is the proto name).
        Assert.Equal(fromProto.Sdl, fromReflection.Sdl.Replace("\"ledger.v1.Account.Limits\"", "\"ledger.v1.Account.LimitsEntry\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_rpc_of_the_Node_service_is_answered_through_the_gateway()
    {
        await using var server = await NodeLedgerServer.StartAsync();
        using var gateway = await LedgerGatewayAsync(server.Url);

        var account = await gateway.QueryAsync(
            "{ getAccount(id: \"acc-1\") { id owner balance { currencyCode units nanos } version sequence status openedAt statementPeriod nickname overdraftLimit metadata limits { key value } contact { ... on AccountContactEmail { email } ... on AccountContactPhone { phone } } } }");
        Assert.Equal(
            "{\"getAccount\":{\"id\":\"acc-1\",\"owner\":\"Ada\",\"balance\":{\"currencyCode\":\"EUR\",\"units\":\"1250\",\"nanos\":500000000},"
            + "\"version\":\"9007199254740993\",\"sequence\":\"18446744073709551615\",\"status\":\"ACTIVE\",\"openedAt\":\"2024-01-02T03:04:05Z\","
            + "\"statementPeriod\":\"2592000s\",\"nickname\":\"main\",\"overdraftLimit\":\"-50000\",\"metadata\":{\"tier\":\"gold\",\"score\":7.5,\"flags\":[true]},"
            + "\"limits\":[{\"key\":\"daily\",\"value\":\"1000\"},{\"key\":\"monthly\",\"value\":\"20000\"}],\"contact\":{\"email\":\"ada@example.test\"}}}",
            CodecTests.Data(account).GetRawText());

        var batch = await gateway.QueryAsync("{ batchGetAccounts(ids: [\"acc-2\", \"nobody\", \"acc-3\"]) { accounts { id status nickname openedAt contact { ... on AccountContactPhone { phone } } } } }");
        Assert.Equal(
            "{\"batchGetAccounts\":{\"accounts\":[{\"id\":\"acc-2\",\"status\":\"FROZEN\",\"nickname\":null,\"openedAt\":\"2024-07-01T00:00:00.250Z\",\"contact\":{\"phone\":\"0044-20-0000\"}},"
            + "{\"id\":\"acc-3\",\"status\":\"UNSPECIFIED\",\"nickname\":null,\"openedAt\":null,\"contact\":null}]}}",
            CodecTests.Data(batch).GetRawText());

        var entries = await gateway.QueryAsync("{ listEntries(accountId: \"acc-1\", pageSize: 5) { entries { id accountId kind amount { units nanos } bookedAt } } }");
        Assert.Equal(
            "{\"listEntries\":{\"entries\":[{\"id\":\"e-1\",\"accountId\":\"acc-1\",\"kind\":\"CREDIT\",\"amount\":{\"units\":\"1000\",\"nanos\":0},\"bookedAt\":\"2024-01-02T03:04:05Z\"},"
            + "{\"id\":\"e-2\",\"accountId\":\"acc-1\",\"kind\":\"CREDIT\",\"amount\":{\"units\":\"250\",\"nanos\":500000000},\"bookedAt\":\"2024-01-03T03:04:05Z\"}]}}",
            CodecTests.Data(entries).GetRawText());

        var missing = await gateway.QueryAsync("{ getAccount(id: \"nobody\") { id } }");
        Assert.Equal("NOT_FOUND", missing.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_server_streaming_rpc_is_a_subscription()
    {
        await using var server = await NodeLedgerServer.StartAsync();
        var schema = await GrpcSourceLoader.LoadAsync(new GrpcSourceDefinition { Reflection = true, Translation = TestSchemas.Mirror }, server.Url, Timeout);
        using var client = new Client.GrpcSubgraphClient(new GrpcSourceRegistry().Add("kitchen", schema, server.Url));
        var events = await StreamingTests.CollectAsync(client, server.Url, "subscription { watchEntries(accountId: \"acc-1\", limit: 3) { id kind amount { units } } }", "{}");
        Assert.Equal(
            [
                "Next: {\"data\":{\"watchEntries\":{\"id\":\"w-1\",\"kind\":\"CREDIT\",\"amount\":{\"units\":\"1000\"}}}}",
                "Next: {\"data\":{\"watchEntries\":{\"id\":\"w-2\",\"kind\":\"CREDIT\",\"amount\":{\"units\":\"250\"}}}}",
                "Next: {\"data\":{\"watchEntries\":{\"id\":\"w-3\",\"kind\":\"CREDIT\",\"amount\":{\"units\":\"1000\"}}}}",
            ],
            events);
    }

    [Fact]
    public async Task A_server_without_reflection_is_a_clear_error_naming_the_address_and_the_descriptor_set_alternative()
    {
        // Many loads in a row: the server answers UNIMPLEMENTED as soon as the call's headers arrive, which can end
        // the call while the first question is still being written; that write then fails as cancelled, which must
        // not hide the answer (it did, on the first or second attempt, before the write's failure was read through).
        await using var server = await NodeLedgerServer.StartAsync(reflection: "none");
        var expected = $"gRPC server reflection at {server.Url} failed: the server has no reflection service";
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var error = await Assert.ThrowsAsync<GrpcSourceException>(() => GrpcSourceLoader.LoadAsync(new GrpcSourceDefinition { Reflection = true, Translation = TestSchemas.Mirror }, server.Url, Timeout));
            // The whole message on failure (xunit would cut the text short).
            Assert.True(error.Message.StartsWith(expected, StringComparison.Ordinal), $"attempt {attempt}: expected it to start with \"{expected}\"; it was: {error.Message} (cause: {error.InnerException})");
            Assert.Contains("descriptor_set", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unreachable_server_is_a_clear_error_naming_host_and_port()
    {
        var url = "grpc://127.0.0.1:" + FreePorts.Next();
        var error = await Assert.ThrowsAsync<GrpcSourceException>(() => GrpcSourceLoader.LoadAsync(new GrpcSourceDefinition { Reflection = true, Translation = TestSchemas.Mirror }, url, Timeout));
        Assert.StartsWith($"gRPC server reflection at {url} failed: UNAVAILABLE", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(to {url[7..]}: Connection refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("descriptor_set", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A gateway over the Node service alone, known through reflection at <paramref name="url"/>.</summary>
    internal static async Task<TestGateway> LedgerGatewayAsync(string url)
    {
        var schema = await GrpcSourceLoader.LoadAsync(new GrpcSourceDefinition { Reflection = true, Translation = TestSchemas.Mirror }, url, Timeout);
        return new TestGateway([Composition.GrpcSubgraphSources.Create("ledger", url, schema)], new GrpcSourceRegistry().Add("ledger", schema, url));
    }

    /// <summary>The Node service's own proto, compiled by protoc: what the gateway would read from a descriptor set.</summary>
    internal static string LedgerDescriptorSet() =>
        Protoc.BuildDescriptorSet(Path.Combine("ledger", "v1", "ledger.proto"), Path.Combine(NodePackages.Folder, "protos"));
}
