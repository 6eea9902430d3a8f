using System.Text;
using FederatedGateway.OpenApi.Translation;

namespace FederatedGateway.OpenApi.Tests;

/// <summary>The translation's rules one by one, on a small YAML document written for them.</summary>
public sealed class TranslationRuleTests
{
    internal const string SettlementDocument = """
        openapi: 3.1.0
        info: { title: Settlement, version: "1" }
        paths:
          /settlements/{settlement_id}:
            parameters:
              - { name: settlement_id, in: path, required: true, schema: { type: string } }
            get:
              operationId: get_settlement
              parameters:
                - { name: X-Tenant, in: header, schema: { type: string } }
                - { name: include_legs, in: query, schema: { type: boolean } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Settlement" } } } }
                "404": { description: missing }
            delete:
              responses: { "204": { description: gone } }
          /settlements:
            post:
              operationId: createSettlement
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: "#/components/schemas/Settlement" } } }
              responses:
                "201": { description: made, content: { application/problem+json: { schema: { $ref: "#/components/schemas/Settlement" } } } }
          /health:
            head:
              responses: { "200": { description: up } }
        components:
          schemas:
            Settlement:
              type: object
              required: [settlement_id, amount]
              properties:
                settlement_id: { type: string }
                amount: { type: string, format: decimal }
                booked_at: { type: [string, "null"], format: date-time }
                status: { type: string, enum: [pending, in-flight, settled] }
                legs: { type: array, items: { $ref: "#/components/schemas/Settlement" } }
                counterparty:
                  oneOf:
                    - { $ref: "#/components/schemas/Bank" }
                    - { $ref: "#/components/schemas/Broker" }
            Bank: { type: object, properties: { bic: { type: string } } }
            Broker: { type: object, properties: { lei: { type: string } } }
        """;

    private static async Task<ApiTranslation> TranslateAsync(string yaml = SettlementDocument)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(yaml));
        return OpenApiTranslator.Translate(await OpenApiDocuments.LoadAsync(stream, "yaml", "settlement.yaml"), "settlement.yaml");
    }

    [Fact]
    public async Task Operations_become_root_fields_with_their_arguments_and_what_calling_them_needs()
    {
        var translation = await TranslateAsync();

        Assert.Contains("  getSettlement(settlementId: String!, xTenant: String, includeLegs: Boolean): Settlement\n", translation.Sdl, StringComparison.Ordinal);
        Assert.Contains("  headHealth: Boolean\n", translation.Sdl, StringComparison.Ordinal);
        Assert.Contains("  createSettlement(input: SettlementInput!): Settlement\n", translation.Sdl, StringComparison.Ordinal);
        Assert.Contains("  deleteSettlementsSettlementId(settlementId: String!): Boolean\n", translation.Sdl, StringComparison.Ordinal);

        var get = translation.Fields["Query.getSettlement"];
        Assert.Equal(("GET", "/settlements/{settlement_id}", null, false), (get.Method, get.PathTemplate, get.Body, get.ReturnsBoolean));
        Assert.Equal(
            [new ParameterBinding("settlementId", "settlement_id", "path"), new ParameterBinding("xTenant", "X-Tenant", "header"), new ParameterBinding("includeLegs", "include_legs", "query")],
            get.Parameters);
        Assert.Equal("input", translation.Fields["Mutation.createSettlement"].Body);
        Assert.True(translation.Fields["Mutation.deleteSettlementsSettlementId"].ReturnsBoolean);
    }

    [Fact]
    public async Task Schemas_become_types_with_idiomatic_names_formats_as_scalars_and_the_JSON_names_kept()
    {
        var sdl = (await TranslateAsync()).Sdl;

        Assert.Contains("""
            type Settlement {
              settlementId: String!
              amount: Decimal!
              bookedAt: DateTime
              status: SettlementStatus
              legs: [Settlement!]
              counterparty: SettlementCounterparty
            }
            """.ReplaceLineEndings("\n"), sdl, StringComparison.Ordinal);
        Assert.Contains("enum SettlementStatus {\n  PENDING\n  IN_FLIGHT\n  SETTLED\n}\n", sdl, StringComparison.Ordinal);
        Assert.Contains("union SettlementCounterparty = Bank | Broker\n", sdl, StringComparison.Ordinal);
        Assert.Contains("input SettlementInput {\n  settlementId: String!\n", sdl, StringComparison.Ordinal);
        Assert.Contains("  counterparty: JSON\n", sdl, StringComparison.Ordinal); // no unions among inputs
        Assert.Contains("scalar Decimal\n", sdl, StringComparison.Ordinal);

        var fields = (await TranslateAsync()).Types["Settlement"].Fields;
        Assert.Equal("settlement_id", fields["settlementId"].JsonName);
        Assert.Equal("booked_at", fields["bookedAt"].JsonName);
        Assert.Equal("amount", fields["amount"].JsonName);
    }

    [Fact]
    public async Task A_document_with_errors_or_without_operations_is_refused_with_its_name()
    {
        var broken = await Assert.ThrowsAsync<OpenApiSourceException>(() => TranslateAsync("openapi: 3.0.0\ninfo: { title: x }\npaths:\n  /a:\n    get: { responses: 12 }\n"));
        Assert.StartsWith("settlement.yaml: ", broken.Message, StringComparison.Ordinal);

        var empty = await Assert.ThrowsAsync<OpenApiSourceException>(() => TranslateAsync("openapi: 3.0.0\ninfo: { title: x, version: \"1\" }\npaths: {}\n"));
        Assert.Equal("settlement.yaml: the OpenAPI document has no operations to translate.", empty.Message);
    }
}
