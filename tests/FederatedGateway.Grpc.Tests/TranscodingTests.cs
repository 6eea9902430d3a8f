using System.Net;
using System.Text;
using System.Text.Json;
using FederatedGateway.Demo;
using FederatedGateway.Demo.Grpc;
using FederatedGateway.Grpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// The demo's gRPC RPCs given http routes in supergraph-grpc.yaml, answered as JSON/HTTP by the real gateway host
/// against the real demo services, and the OpenAPI document of those routes checked by swagger-parser.
/// </summary>
public sealed class TranscodingTests : IAsyncLifetime
{
    private DemoGrpcStack _demo = null!;

    public async Task InitializeAsync() => _demo = await DemoGrpcStack.StartAsync();

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task A_GET_route_binds_its_path_variable_and_answers_the_message_as_JSON()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/quotes/AAPL");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("AAPL", body.GetProperty("symbol").GetString());
        Assert.True(body.GetProperty("last").GetDouble() > 0);
        Assert.Equal(JsonValueKind.String, body.GetProperty("volume").ValueKind);
    }

    [Fact]
    public async Task A_POST_route_takes_the_whole_request_from_its_body()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/quotes:batchGet", "{\"symbols\":[\"SAP\",\"VOD\"]}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["SAP", "VOD"], body.GetProperty("instruments").EnumerateArray().Select(i => i.GetProperty("symbol").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_route_of_the_second_service_answers_and_an_enum_reads_as_in_the_graph()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/traders/t3/risk");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("t3", body.GetProperty("id").GetString());
        Assert.Equal("HIGH", body.GetProperty("risk").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Bad_requests_are_answered_with_a_status_and_a_reason_never_a_500()
    {
        var (notFound, missing) = await SendAsync(HttpMethod.Get, "/v1/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, notFound);
        Assert.Equal(5, missing.GetProperty("code").GetInt32());

        var (wrongMethod, _) = await SendAsync(HttpMethod.Delete, "/v1/quotes/AAPL");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod);

        var (unknownParameter, reason) = await SendAsync(HttpMethod.Get, "/v1/quotes/AAPL?colour=red");
        Assert.Equal(HttpStatusCode.BadRequest, unknownParameter);
        Assert.Contains("\"colour\" is not a field of market.v1.GetQuoteRequest", reason.GetProperty("message").GetString(), StringComparison.Ordinal);

        var (notJson, _) = await SendAsync(HttpMethod.Post, "/v1/quotes:batchGet", "{\"symbols\":");
        Assert.Equal(HttpStatusCode.BadRequest, notJson);

        var (wrongShape, shape) = await SendAsync(HttpMethod.Post, "/v1/quotes:batchGet", "[1,2]");
        Assert.Equal(HttpStatusCode.BadRequest, wrongShape);
        Assert.Contains("JSON object", shape.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_unread_and_a_deeply_nested_one_is_400()
    {
        // 2 MiB against the 1 MiB limit, and JSON nested past its depth limit: refused without reading the rest or recursing.
        var (tooLarge, _) = await SendAsync(HttpMethod.Post, "/v1/quotes:batchGet", "{\"symbols\":[\"" + new string('A', 2 * 1024 * 1024) + "\"]}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);

        var (tooDeep, reason) = await SendAsync(HttpMethod.Post, "/v1/quotes:batchGet", new string('[', 100_000) + new string(']', 100_000));
        Assert.Equal(HttpStatusCode.BadRequest, tooDeep);
        Assert.Contains("not JSON", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_of_the_routes_is_valid_for_swagger_parser_and_lists_every_route()
    {
        var document = await _demo.Http.GetStringAsync("/openapi/grpc.json");
        Assert.Equal("valid 3", await OpenApiValidator.ValidateAsync(document));

        using var parsed = JsonDocument.Parse(document);
        var paths = parsed.RootElement.GetProperty("paths");
        Assert.Equal("symbol", paths.GetProperty("/v1/quotes/{symbol}").GetProperty("get").GetProperty("parameters")[0].GetProperty("name").GetString());
        Assert.True(paths.GetProperty("/v1/quotes:batchGet").GetProperty("post").TryGetProperty("requestBody", out _));
        Assert.True(parsed.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("market.v1.Quote", out _));
    }

    [Fact]
    public async Task The_validator_refuses_a_broken_document() =>
        Assert.StartsWith("invalid", await OpenApiValidator.ValidateAsync(
            "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"x\",\"version\":\"1\"},\"paths\":{\"/a\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Missing\"}}}}}}}}}"),
            StringComparison.Ordinal);

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _demo.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "null" : text).RootElement.Clone());
    }
}
