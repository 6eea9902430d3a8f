using System.Net;
using System.Text;
using System.Text.Json;
using FederatedGateway.Execution.Transport;
using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Translation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.OpenApi.Tests;

/// <summary>
/// The OpenAPI client against a real REST service (Kestrel minimal API on loopback) described by the settlement
/// document of <see cref="TranslationRuleTests"/>: subgraph operations in, HTTP calls out, answers written as the
/// selection asks.
/// </summary>
public sealed class RestClientTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private ApiSubgraphClient _client = null!;
    private readonly List<string> _calls = [];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            lock (_calls)
            {
                _calls.Add($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} tenant={context.Request.Headers["X-Tenant"]}");
            }

            await next(context);
        });
        _app.MapGet("/api/settlements/{id}", (string id, bool? include_legs) => id == "missing"
            ? Results.Problem(title: "Not found", detail: $"no settlement {id}", statusCode: 404)
            : id == "huge" ? Results.Json(new Dictionary<string, object?> { ["settlement_id"] = id, ["amount"] = new string('9', 1024 * 1024) })
            : Results.Json(new Dictionary<string, object?>
            {
                ["settlement_id"] = id,
                ["amount"] = "1250.50",
                ["booked_at"] = null,
                ["status"] = "in-flight",
                ["counterparty"] = new { lei = "529900T8BM49AURSDO55" },
                ["legs"] = include_legs == true ? new[] { new Dictionary<string, object?> { ["settlement_id"] = id + "-1", ["amount"] = "1", ["status"] = "settled" } } : null,
            }));
        _app.MapPost("/api/settlements", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            return Results.Json(body.RootElement.Clone(), statusCode: 201);
        });
        _app.MapDelete("/api/settlements/{id}", (string id) => Results.NoContent());
        await _app.StartAsync();

        _client = new ApiSubgraphClient(Translation(), new Uri(_app.Urls.First() + "/api/"), new HttpClient());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> SendAsync(string query, string variables = "{}")
    {
        var body = Encoding.UTF8.GetBytes($"{{\"query\":{JsonSerializer.Serialize(query)},\"variables\":{variables}}}");
        using var response = await _client.SendAsync(new SubgraphRequest("settlement", "http://settlement.test", body), CancellationToken.None);
        Assert.Null(response.Failure);
        return JsonDocument.Parse(response.Body).RootElement.Clone();
    }

    [Fact]
    public async Task A_query_calls_the_operation_with_its_parameters_and_writes_the_answer_as_selected()
    {
        var answer = await SendAsync(
            "query($id: String!) { s: getSettlement(settlementId: $id, xTenant: \"acme\", includeLegs: true) { __typename settlementId amount bookedAt status legs { settlementId status } counterparty { ... on Broker { lei } ... on Bank { bic } } } }",
            "{\"id\":\"st 1:2\"}");

        Assert.Equal(
            "{\"data\":{\"s\":{\"__typename\":\"Settlement\",\"settlementId\":\"st 1:2\",\"amount\":\"1250.50\",\"bookedAt\":null,\"status\":\"IN_FLIGHT\",\"legs\":[{\"settlementId\":\"st 1:2-1\",\"status\":\"SETTLED\"}],\"counterparty\":{\"lei\":\"529900T8BM49AURSDO55\"}}}}",
            answer.GetRawText());
        Assert.Contains("GET /api/settlements/st%201:2?include_legs=true tenant=acme", _calls);
    }

    [Fact]
    public async Task A_mutation_sends_its_input_with_the_document_s_names_and_values()
    {
        var answer = await SendAsync(
            "mutation { createSettlement(input: { settlementId: \"n1\", amount: \"10\", status: PENDING }) { settlementId status } deleteSettlementsSettlementId(settlementId: \"n0\") }");

        Assert.Equal("{\"data\":{\"createSettlement\":{\"settlementId\":\"n1\",\"status\":\"PENDING\"},\"deleteSettlementsSettlementId\":true}}", answer.GetRawText());
        Assert.Equal(["POST /api/settlements tenant=", "DELETE /api/settlements/n0 tenant="], _calls);
    }

    [Fact]
    public async Task An_answer_other_than_2xx_is_the_field_s_error_with_its_status_and_problem_details()
    {
        var answer = await SendAsync("{ getSettlement(settlementId: \"missing\") { settlementId } h: __typename }");

        Assert.Equal("{\"getSettlement\":null,\"h\":\"Query\"}", answer.GetProperty("data").GetRawText());
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal("GET /settlements/{settlement_id} answered HTTP 404: no settlement missing", error.GetProperty("message").GetString());
        Assert.Equal("[\"getSettlement\"]", error.GetProperty("path").GetRawText());
        var extensions = error.GetProperty("extensions");
        Assert.Equal(ApiSubgraphClient.HttpErrorCode, extensions.GetProperty("code").GetString());
        Assert.Equal(404, extensions.GetProperty("httpStatus").GetInt32());
        Assert.Equal("Not found", extensions.GetProperty("problem").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_service_that_cannot_be_reached_is_the_field_s_error_not_an_exception()
    {
        var client = new ApiSubgraphClient(Translation(), new Uri("http://127.0.0.1:1/"), new HttpClient());
        var body = Encoding.UTF8.GetBytes("{\"query\":\"{ getSettlement(settlementId: \\\"x\\\") { amount } }\"}");
        using var response = await client.SendAsync(new SubgraphRequest("settlement", "http://settlement.test", body), CancellationToken.None);
        var answer = JsonDocument.Parse(response.Body).RootElement;

        var error = answer.GetProperty("errors")[0];
        Assert.Equal(ApiSubgraphClient.UnavailableCode, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("127.0.0.1", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("data").GetProperty("getSettlement").ValueKind);
    }

    [Fact]
    public async Task An_answer_over_the_size_limit_is_the_field_s_error_and_is_not_read_whole()
    {
        var small = new ApiSubgraphClient(Translation(), new Uri(_app.Urls.First() + "/api/"), new HttpClient(), maxResponseBodySize: 64 * 1024);
        var body = Encoding.UTF8.GetBytes("{\"query\":\"{ getSettlement(settlementId: \\\"huge\\\") { amount } }\"}");
        using var response = await small.SendAsync(new SubgraphRequest("settlement", "http://settlement.test", body), CancellationToken.None);
        var answer = JsonDocument.Parse(response.Body).RootElement;

        Assert.Equal("SUBREQUEST_RESPONSE_TOO_LARGE", answer.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("{\"getSettlement\":null}", answer.GetProperty("data").GetRawText());
    }

    private static ApiTranslation Translation() =>
        OpenApiTranslator.Translate(
            OpenApiDocuments.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(TranslationRuleTests.SettlementDocument)), "yaml", "settlement.yaml").GetAwaiter().GetResult(),
            "settlement.yaml");
}
