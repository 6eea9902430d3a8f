using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.OpenApi.Tests.Gateway;

/// <summary>
/// A REST settlement service on Kestrel (loopback, free port) described by <see cref="Document"/>: settlements by
/// trade (one, or many at once by repeated <c>trade_id</c>), counterparties by id, and instructions posted to a
/// settlement. Every call is logged with the <c>x-api-key</c> it carried, so tests can check what reached it.
/// </summary>
public sealed class SettlementApi : IAsyncDisposable
{
    private static readonly Dictionary<string, Dictionary<string, object?>> s_settlements = new()
    {
        ["t1"] = Settlement("t1", "settled", "1250.50", "c1"),
        ["t2"] = Settlement("t2", "pending", "99.00", "c2"),
        ["t4"] = Settlement("t4", "failed", "10.00", "c1"),
    };

    private static readonly Dictionary<string, object> s_counterparties = new()
    {
        ["c1"] = new Dictionary<string, object> { ["id"] = "c1", ["legal_name"] = "Northwind Bank", ["lei"] = "LEI-NW" },
        ["c2"] = new Dictionary<string, object> { ["id"] = "c2", ["legal_name"] = "Contoso Clearing", ["lei"] = "LEI-CC" },
    };

    private TestApi _api = null!;

    public string Url => _api.Url;

    /// <summary>The calls received, as <c>METHOD /path?query key=…</c>.</summary>
    public IReadOnlyList<string> Calls => _api.Calls;

    public static async Task<SettlementApi> StartAsync() => new() { _api = await TestApi.StartAsync(Map, describe: request => $"key={request.Headers["x-api-key"]}") };

    private static void Map(WebApplication app)
    {
        app.MapGet("/v1/settlements/{tradeId}", (string tradeId) => s_settlements.TryGetValue(tradeId, out var s)
            ? Results.Json(s)
            : Results.Problem(title: "Unknown trade", detail: $"no settlement for trade {tradeId}", statusCode: 404));
        app.MapGet("/v1/settlements", (HttpRequest request) =>
            Results.Json(request.Query["trade_id"].Where(id => id is not null && s_settlements.ContainsKey(id)).Select(id => s_settlements[id!]).ToList()));
        app.MapGet("/v1/counterparties/{id}", (string id) => s_counterparties.TryGetValue(id, out var c) ? Results.Json(c) : Results.NotFound());
        app.MapPost("/v1/settlements/{tradeId}/instructions", async (string tradeId, HttpRequest request) =>
        {
            using var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            var settlement = new Dictionary<string, object?>(s_settlements[tradeId]) { ["status"] = "pending", ["instruction"] = body.RootElement.GetProperty("instruction").GetString() };
            return Results.Json(settlement, statusCode: 201);
        });
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private static Dictionary<string, object?> Settlement(string tradeId, string status, string amount, string counterparty) => new()
    {
        ["trade_id"] = tradeId,
        ["status"] = status,
        ["amount"] = amount,
        ["value_date"] = "2026-12-07",
        ["counterparty_id"] = counterparty,
    };

    /// <summary>The service's OpenAPI 3.1 document.</summary>
    public const string Document = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Settlement", "version": "1.0.0" },
          "paths": {
            "/v1/settlements/{trade_id}": {
              "get": {
                "operationId": "getSettlement",
                "parameters": [ { "name": "trade_id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": {
                  "200": { "description": "The settlement", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Settlement" } } } },
                  "404": { "description": "Unknown trade", "content": { "application/problem+json": { "schema": { "type": "object" } } } }
                }
              }
            },
            "/v1/settlements": {
              "get": {
                "operationId": "listSettlements",
                "parameters": [ { "name": "trade_id", "in": "query", "required": true, "schema": { "type": "array", "items": { "type": "string" } } } ],
                "responses": { "200": { "description": "The settlements of the trades", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Settlement" } } } } } }
              }
            },
            "/v1/counterparties/{id}": {
              "get": {
                "operationId": "getCounterparty",
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "The counterparty", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Counterparty" } } } } }
              }
            },
            "/v1/settlements/{trade_id}/instructions": {
              "post": {
                "operationId": "instructSettlement",
                "parameters": [ { "name": "trade_id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["instruction"], "properties": { "instruction": { "type": "string" } } } } } },
                "responses": { "201": { "description": "Instructed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Settlement" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "Settlement": {
                "type": "object",
                "required": ["trade_id", "status", "amount"],
                "properties": {
                  "trade_id": { "type": "string" },
                  "status": { "type": "string", "enum": ["pending", "settled", "failed"] },
                  "amount": { "type": "string", "format": "decimal" },
                  "value_date": { "type": "string", "format": "date" },
                  "counterparty_id": { "type": "string" },
                  "instruction": { "type": ["string", "null"] }
                }
              },
              "Counterparty": {
                "type": "object",
                "required": ["id", "legal_name"],
                "properties": { "id": { "type": "string" }, "legal_name": { "type": "string" }, "lei": { "type": "string" } }
              }
            }
          }
        }
        """;
}
