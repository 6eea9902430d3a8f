using System.Text.Json;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.OpenApi.Sources;

namespace FederatedGateway.OpenApi.Tests.Gateway;

/// <summary>
/// An OpenAPI source in supergraph.yaml, composed and served by the real gateway host next to a GraphQL.NET subgraph:
/// the REST service owns Settlement (looked up in one batch call for every trade) and Counterparty (one call per
/// distinct id, through the relation Settlement.counterpartyId → counterparty), root fields and mutations reach it,
/// error statuses come back as field errors, and its API key is sent from the environment.
/// </summary>
public sealed class OpenApiGatewayTests : IAsyncLifetime
{
    private const string KeyVariable = "FGW_TEST_SETTLEMENT_API_KEY";

    private SettlementApi _api = null!;
    private TradesSubgraph _trades = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(KeyVariable, "k-123");
        _api = await SettlementApi.StartAsync();
        _trades = await TradesSubgraph.StartAsync();
        var folder = Directory.CreateTempSubdirectory("fgw-openapi-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "settlement.json"), SettlementApi.Document);
        var config = Path.Combine(folder, "supergraph.yaml");
        await File.WriteAllTextAsync(config, Config(_trades.Url, _api.Url));
        // Masked subgraph errors (the Production default) keep their code; the HTTP status is allowed through.
        _gateway = await GatewayHost.StartAsync(config, new Dictionary<string, string?> { ["Gateway:SubgraphErrors:AllowedExtensions:0"] = "httpStatus" });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _trades.DisposeAsync();
        await _api.DisposeAsync();
    }

    public static string Config(string tradesUrl, string apiUrl) => $$"""
        subgraphs:
          trades:
            routing_url: {{tradesUrl}}
            schema:
              subgraph_url: {{tradesUrl}}
          settlement:
            schema:
              openapi:
                document: settlement.json
                base_url: {{apiUrl}}
                entities:
                  Settlement: { key: tradeId, lookup: listSettlements, batch: true }
                  Counterparty: { key: id, lookup: getCounterparty }
                types:
                  Settlement:
                    fields:
                      counterpartyId: { relation: Counterparty }
                headers:
                  x-api-key: ${{{KeyVariable}}}
        """;

    [Fact]
    public async Task Trades_of_a_GraphQL_subgraph_get_their_settlements_in_one_batch_call_and_each_counterparty_once()
    {
        var answer = await _gateway.QueryAsync("{ trades { id settlement { status amount valueDate counterparty { legalName lei } } } }");

        Assert.Equal(
            """{"trades":[{"id":"t1","settlement":{"status":"SETTLED","amount":"1250.50","valueDate":"2026-12-07","counterparty":{"legalName":"Northwind Bank","lei":"LEI-NW"}}},"""
            + """{"id":"t2","settlement":{"status":"PENDING","amount":"99.00","valueDate":"2026-12-07","counterparty":{"legalName":"Contoso Clearing","lei":"LEI-CC"}}},"""
            + """{"id":"t3","settlement":null},"""
            + """{"id":"t4","settlement":{"status":"FAILED","amount":"10.00","valueDate":"2026-12-07","counterparty":{"legalName":"Northwind Bank","lei":"LEI-NW"}}}]}""",
            answer.GetProperty("data").GetRawText());
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal("""["trades",2,"settlement"]""", error.GetProperty("path").GetRawText());
        Assert.Equal("NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(
            ["GET /v1/counterparties/c1 key=k-123", "GET /v1/counterparties/c2 key=k-123", "GET /v1/settlements?trade_id=t1&trade_id=t2&trade_id=t3&trade_id=t4 key=k-123"],
            _api.Calls.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Root_fields_call_the_API_and_an_error_status_is_the_field_s_error()
    {
        var answer = await _gateway.QueryAsync("""{ getSettlement(tradeId: "t2") { tradeId status counterparty { legalName } } missing: getSettlement(tradeId: "t9") { status } }""");

        Assert.Equal(
            """{"getSettlement":{"tradeId":"t2","status":"PENDING","counterparty":{"legalName":"Contoso Clearing"}},"missing":null}""",
            answer.GetProperty("data").GetRawText());
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal("""["missing"]""", error.GetProperty("path").GetRawText());
        Assert.Equal("REST_HTTP_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(404, error.GetProperty("extensions").GetProperty("httpStatus").GetInt32());
        Assert.Contains("GET /v1/settlements/t9 key=k-123", _api.Calls);
    }

    [Fact]
    public async Task A_mutation_posts_its_input_to_the_API()
    {
        var answer = await _gateway.QueryAsync("""mutation { instructSettlement(tradeId: "t2", input: { instruction: "DVP" }) { tradeId status instruction } }""");

        Assert.Equal("""{"instructSettlement":{"tradeId":"t2","status":"PENDING","instruction":"DVP"}}""", answer.GetProperty("data").GetRawText());
        Assert.Equal(["POST /v1/settlements/t2/instructions key=k-123"], _api.Calls);
    }

    [Fact]
    public async Task A_gateway_on_a_composed_supergraph_serves_the_source_named_by_Gateway_SourcesConfig()
    {
        var folder = Directory.CreateTempSubdirectory("fgw-openapi-sources-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "settlement.json"), SettlementApi.Document);
        var config = Path.Combine(folder, "supergraph.yaml");
        await File.WriteAllTextAsync(config, Config(_trades.Url, _api.Url));
        using var http = new HttpClient();
        var sources = await new SubgraphSourceLoader(http, OpenApiConfigSources.Resolver(folder)).LoadAsync(SupergraphConfigReader.Read(config), CancellationToken.None);
        var supergraph = Path.Combine(folder, "supergraph.graphql");
        await File.WriteAllTextAsync(supergraph, FederatedGateway.Core.Composition.SupergraphComposer.Compose(sources).SupergraphSdl);

        await using var gateway = await GatewayHost.StartAsync("", new Dictionary<string, string?> { ["supergraph"] = supergraph, ["Gateway:SourcesConfig"] = config });
        var answer = await gateway.QueryAsync("{ trades { id settlement { status } } }");

        Assert.Equal(
            """{"trades":[{"id":"t1","settlement":{"status":"SETTLED"}},{"id":"t2","settlement":{"status":"PENDING"}},{"id":"t3","settlement":null},{"id":"t4","settlement":{"status":"FAILED"}}]}""",
            answer.GetProperty("data").GetRawText());
    }

    [Theory]
    [InlineData("Settlement: { key: tradeId, lookup: listSettlement, batch: true }", "lookup \"listSettlement\" is not a query field of", "did you mean \"listSettlements\"")]
    [InlineData("Settlement: { key: tradeId, lookup: getSettlement, batch: true }", "lookup \"getSettlement\" answers Settlement, not a list of Settlement", null)]
    [InlineData("Settlement: { key: tradeID, lookup: getSettlement }", "key \"tradeID\" is not a single-value field of Settlement", "did you mean \"tradeId\"")]
    [InlineData("Settlement: { key: tradeId, lookup: getSettlement, batchh: true }", "unknown option \"batchh\"", "did you mean \"batch\"")]
    [InlineData("Settlemnt: { key: tradeId, lookup: getSettlement }", "entity \"Settlemnt\" is not an object type of", "did you mean \"Settlement\"")]
    public async Task A_mistake_in_the_entities_is_a_clear_error_with_its_place(string entity, string expected, string? hint)
    {
        var error = await Assert.ThrowsAsync<SupergraphConfigException>(() => ResolveAsync($$"""
            entities:
                      {{entity}}
            """));

        Assert.Matches(@"supergraph\.yaml:\d+:\d+: ", error.Message);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        if (hint is not null)
        {
            Assert.Contains(hint, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_relation_to_a_type_that_is_no_entity_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<SupergraphConfigException>(() => ResolveAsync("""
            types:
                      Settlement:
                        fields:
                          counterpartyId: { relation: Counterparty }
            """));

        Assert.Contains("relation Settlement.counterpartyId points at \"Counterparty\", which is not an entity of this source", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_reading_an_unset_environment_variable_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<SupergraphConfigException>(() => ResolveAsync("""
            headers:
                      authorization: Bearer ${FGW_TEST_NOT_SET_ANYWHERE}
            """));

        Assert.Contains("header \"authorization\" reads the environment variable FGW_TEST_NOT_SET_ANYWHERE, which is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_translated_sdl_keys_the_entities_and_adds_the_relation_field()
    {
        var source = (await ResolveAsync("""
            entities:
                      Settlement: { key: tradeId, lookup: getSettlement }
                      Counterparty: { key: id, lookup: getCounterparty }
                    types:
                      Settlement:
                        fields:
                          counterpartyId: { relation: Counterparty, graphql_name: party }
            """))!;

        Assert.Contains("import: [\"@key\"]", source.Sdl, StringComparison.Ordinal);
        Assert.Contains("type Settlement @key(fields: \"tradeId\") {", source.Sdl, StringComparison.Ordinal);
        Assert.Contains("type Counterparty @key(fields: \"id\") {", source.Sdl, StringComparison.Ordinal);
        Assert.Contains("  counterpartyId: String\n", source.Sdl, StringComparison.Ordinal);
        Assert.Contains("  \"The Counterparty whose key is counterpartyId.\"\n  party: Counterparty\n}", source.Sdl, StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:9/", source.Url);
    }

    /// <summary>Reads and translates a settlement entry with the given options (indented under <c>openapi:</c>).</summary>
    private static async Task<FederatedGateway.Core.Composition.SubgraphSource?> ResolveAsync(string options)
    {
        var folder = Directory.CreateTempSubdirectory("fgw-openapi-config-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "settlement.json"), SettlementApi.Document);
        var config = Path.Combine(folder, "supergraph.yaml");
        await File.WriteAllTextAsync(config, $"""
            subgraphs:
              settlement:
                schema:
                  openapi:
                    document: settlement.json
                    base_url: http://127.0.0.1:9/
                    {options}
            """);
        var entry = SupergraphConfigReader.Read(config).Subgraphs.Single();
        return await OpenApiConfigSources.Resolver(folder).Resolve(entry, CancellationToken.None);
    }
}
