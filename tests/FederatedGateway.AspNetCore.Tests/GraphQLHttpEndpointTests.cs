using System.Net;
using System.Text;
using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Execution.Requests;
using Microsoft.Extensions.Logging;
using static FederatedGateway.AspNetCore.Tests.Infrastructure.Http;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary>The GraphQL-over-HTTP envelope, content negotiation and status codes, on a real Kestrel server.</summary>
public sealed class GraphQLHttpEndpointTests : IClassFixture<GatewayHostFixture>
{
    private const string TypenameQuery = """{"query":"{ __typename }"}""";

    private readonly GatewayHostFixture _fixture;
    private readonly FakeGatewayExecutor _executor;
    private readonly HttpClient _client;

    public GraphQLHttpEndpointTests(GatewayHostFixture fixture)
    {
        _fixture = fixture;
        _executor = fixture.Executor;
        _executor.Reset();
        _client = fixture.Host.Client;
    }

    [Theory]
    [InlineData(null, Json)]
    [InlineData("application/json", Json)]
    [InlineData("application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/graphql-response+json, application/json", GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json;q=0.9", Json)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    [InlineData("application/graphql-response+json;q=0.5, */*", Json)]
    [InlineData("text/html, application/graphql-response+json;charset=utf-8", GraphQLResponseJson)]
    [InlineData("text/html, */*;q=0.1", Json)]
    [InlineData("application/json; charset=utf-8", Json)]
    public async Task Post_negotiates_the_response_media_type(string? accept, string expected)
    {
        using var response = await _client.SendAsync(Post("/graphql", TypenameQuery, accept: accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, MediaType(response));
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal(FakeGatewayExecutor.DefaultBody, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain;q=0.5")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task Unacceptable_accept_header_is_406(string accept)
    {
        using var response = await _client.SendAsync(Post("/graphql", TypenameQuery, accept: accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal(0, _executor.Calls);
    }

    [Fact]
    public async Task Post_passes_the_envelope_to_the_executor()
    {
        const string body = """
            {"query":"query Q($id: ID!) { node(id: $id) { id } }","operationName":"Q",
             "variables":{"id":"1","nested":{"list":[1,2.5,"x",null,true]}},"extensions":{"persistedQuery":{"version":1}},"unknown":42}
            """;

        using var response = await _client.SendAsync(Post("/graphql", body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.IsType<FakeGatewayExecutor.RecordedRequest>(_executor.LastRequest);
        Assert.Equal("query Q($id: ID!) { node(id: $id) { id } }", request.Query);
        Assert.Equal("Q", request.OperationName);
        Assert.Equal("""{"id":"1","nested":{"list":[1,2.5,"x",null,true]}}""", request.Variables);
        Assert.Equal("""{"persistedQuery":{"version":1}}""", request.Extensions);
        Assert.False(request.IsGet);
        Assert.Empty(request.ForwardHeaders);
    }

    [Fact]
    public async Task Post_null_optional_parameters_are_absent()
    {
        using var response = await _client.SendAsync(
            Post("/graphql", """{"query":"{ __typename }","operationName":null,"variables":null,"extensions":null}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = _executor.LastRequest!;
        Assert.Null(request.OperationName);
        Assert.Null(request.Variables);
        Assert.Null(request.Extensions);
    }

    [Fact]
    public async Task Post_keeps_non_ascii_text_intact()
    {
        const string query = "{ __type(name: \"Run🏃Swim🏊\") { name } } # é ü 中文";
        using var response = await _client.SendAsync(
            Post("/graphql", JsonSerializer.Serialize(new { query, variables = new { s = "\"quoted\" \\ \u0001" } }), "application/json; charset=utf-8"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(query, _executor.LastRequest!.Query);
        using var variables = JsonDocument.Parse(_executor.LastRequest.Variables!);
        Assert.Equal("\"quoted\" \\ \u0001", variables.RootElement.GetProperty("s").GetString());
    }

    [Fact]
    public async Task Post_body_with_utf8_byte_order_mark_is_accepted()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(TypenameQuery)]),
        };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        using var response = await _client.SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{ __typename }", _executor.LastRequest!.Query);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=utf8")]
    public async Task Post_accepts_json_content_types(string contentType)
    {
        using var response = await _client.SendAsync(Post("/graphql", TypenameQuery, contentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain", null)]
    [InlineData("text/plain;charset=UTF-8", GraphQLResponseJson)]
    [InlineData("application/graphql", null)]
    [InlineData("application/x-www-form-urlencoded", null)]
    [InlineData("application/json; charset=iso-8859-1", null)]
    [InlineData("application/json; charset=utf-16", Json)]
    [InlineData(null, null)]
    public async Task Post_with_unsupported_or_missing_content_type_is_415(string? contentType, string? accept)
    {
        using var response = await _client.SendAsync(Post("/graphql", TypenameQuery, contentType, accept));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(accept ?? Json, MediaType(response));
        Assert.Equal("BAD_REQUEST", await FirstErrorCodeAsync(response));
        Assert.Equal(0, _executor.Calls);
    }

    [Theory]
    [InlineData("{ \"not a JSON")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""[{"query":"{ __typename }"}]""")]
    [InlineData("\"{ __typename }\"")]
    [InlineData("{}")]
    [InlineData("""{"qeury":"{ __typename }"}""")]
    [InlineData("""{"query":null}""")]
    [InlineData("""{"query":{"obj":"ect"}}""")]
    [InlineData("""{"query":0}""")]
    [InlineData("""{"query":false}""")]
    [InlineData("""{"query":["array"]}""")]
    [InlineData("""{"query":"{ __typename }","operationName":{"obj":"ect"}}""")]
    [InlineData("""{"query":"{ __typename }","operationName":0}""")]
    [InlineData("""{"query":"{ __typename }","operationName":false}""")]
    [InlineData("""{"query":"{ __typename }","operationName":["array"]}""")]
    [InlineData("""{"query":"{ __typename }","variables":"string"}""")]
    [InlineData("""{"query":"{ __typename }","variables":0}""")]
    [InlineData("""{"query":"{ __typename }","variables":false}""")]
    [InlineData("""{"query":"{ __typename }","variables":["array"]}""")]
    [InlineData("""{"query":"{ __typename }","extensions":"string"}""")]
    [InlineData("""{"query":"{ __typename }","extensions":0}""")]
    [InlineData("""{"query":"{ __typename }","extensions":false}""")]
    [InlineData("""{"query":"{ __typename }","extensions":["array"]}""")]
    [InlineData("""{"query":"{ __typename }"} trailing""")]
    public async Task Malformed_post_body_is_400_in_both_media_types(string body)
    {
        foreach (var accept in new[] { Json, GraphQLResponseJson })
        {
            using var response = await _client.SendAsync(Post("/graphql", body, accept: accept));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(accept, MediaType(response));
            using var document = await ReadJsonAsync(response);
            Assert.False(document.RootElement.TryGetProperty("data", out _));
            var error = document.RootElement.GetProperty("errors")[0];
            Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
            Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
        }

        Assert.Equal(0, _executor.Calls);
    }

    [Fact]
    public async Task Post_without_a_body_is_400()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent([]) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        using var response = await _client.SendAsync(message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData(Json, HttpStatusCode.OK)]
    [InlineData("*/*", HttpStatusCode.OK)]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    public async Task Request_error_is_400_only_for_graphql_response_json(string? accept, HttpStatusCode expected)
    {
        const string body = """{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":2}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}""";
        _executor.Handler = _ => FakeGatewayExecutor.Result(GatewayResultKind.RequestError, body);

        using var response = await _client.SendAsync(Post("/graphql", """{"query":"{"}""", accept: accept));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Json)]
    [InlineData(GraphQLResponseJson)]
    public async Task Executed_with_errors_and_null_data_is_200(string accept)
    {
        const string body = """{"errors":[{"message":"boom","path":["me"]}],"data":null}""";
        _executor.Handler = _ => FakeGatewayExecutor.Result(GatewayResultKind.Executed, body);

        using var response = await _client.SendAsync(Post("/graphql", """{"query":"{ me { id } }"}""", accept: accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Json)]
    [InlineData(GraphQLResponseJson)]
    public async Task Mutation_over_get_is_405_with_allow_post(string accept)
    {
        const string body = """{"errors":[{"message":"no mutations over GET","extensions":{"code":"METHOD_NOT_ALLOWED"}}]}""";
        _executor.Handler = _ => FakeGatewayExecutor.Result(GatewayResultKind.MethodNotAllowed, body);

        using var response = await _client.SendAsync(Get(Query(("query", "mutation { noop }")), accept));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal(accept, MediaType(response));
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        Assert.True(_executor.LastRequest!.IsGet);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405_with_allow_get_and_post(string method)
    {
        using var message = new HttpRequestMessage(new HttpMethod(method), "/graphql")
        {
            Content = new StringContent(TypenameQuery, Encoding.UTF8, "application/json"),
        };

        using var response = await _client.SendAsync(message);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Select(v => v.Trim()).Order());
        Assert.Equal(0, _executor.Calls);
    }

    [Fact]
    public async Task Get_reads_query_string_parameters()
    {
        using var response = await _client.SendAsync(Get(
            Query(
                ("query", "query Q($id: ID!) { node(id: $id) { id } }"),
                ("operationName", "Q"),
                ("variables", """{"id":"1 & 2 = 3?"}"""),
                ("extensions", """{"persistedQuery":{"version":1,"sha256Hash":"abc"}}""")),
            GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, MediaType(response));
        var request = _executor.LastRequest!;
        Assert.True(request.IsGet);
        Assert.Equal("query Q($id: ID!) { node(id: $id) { id } }", request.Query);
        Assert.Equal("Q", request.OperationName);
        Assert.Equal("""{"id":"1 & 2 = 3?"}""", request.Variables);
        Assert.Equal("""{"persistedQuery":{"version":1,"sha256Hash":"abc"}}""", request.Extensions);
    }

    [Fact]
    public async Task Get_with_only_a_query_has_no_variables_or_extensions()
    {
        using var response = await _client.SendAsync(Get(Query(("query", "{ __typename }"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Json, MediaType(response));
        Assert.Null(_executor.LastRequest!.OperationName);
        Assert.Null(_executor.LastRequest.Variables);
        Assert.Null(_executor.LastRequest.Extensions);
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql?operationName=Q")]
    [InlineData("/graphql?query=%7B%20a%20%7D&query=%7B%20b%20%7D")]
    [InlineData("/graphql?query=%7B%20a%20%7D&variables=%7Bnot-json")]
    [InlineData("/graphql?query=%7B%20a%20%7D&variables=%5B1%5D")]
    [InlineData("/graphql?query=%7B%20a%20%7D&variables=%22string%22")]
    [InlineData("/graphql?query=%7B%20a%20%7D&variables=0")]
    [InlineData("/graphql?query=%7B%20a%20%7D&extensions=%7Bnot-json")]
    [InlineData("/graphql?query=%7B%20a%20%7D&extensions=%5B1%5D")]
    public async Task Malformed_get_is_400(string pathAndQuery)
    {
        foreach (var accept in new[] { Json, GraphQLResponseJson })
        {
            using var response = await _client.SendAsync(Get(pathAndQuery, accept));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("BAD_REQUEST", await FirstErrorCodeAsync(response));
        }

        Assert.Equal(0, _executor.Calls);
    }

    [Fact]
    public async Task Executor_exception_is_500_and_logged()
    {
        _executor.Handler = _ => throw new InvalidOperationException("bug in the executor");

        using var response = await _client.SendAsync(Post("/graphql", TypenameQuery));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("INTERNAL_SERVER_ERROR", await FirstErrorCodeAsync(response));
        Assert.DoesNotContain("bug in the executor", await response.Content.ReadAsStringAsync());
        Assert.Contains(_fixture.Host.Logs.AtLeast(LogLevel.Error), entry => entry.Exception?.Message == "bug in the executor");
    }

    [Fact]
    public async Task Health_is_liveness_and_ready_reports_the_executor()
    {
        foreach (var isReady in new[] { true, false })
        {
            _executor.IsReady = isReady;
            using (var live = await _client.GetAsync("/health"))
            {
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                Assert.Equal(Json, MediaType(live));
                using var document = await ReadJsonAsync(live);
                Assert.Equal("ok", document.RootElement.GetProperty("status").GetString());
            }

            using var ready = await _client.GetAsync("/health/ready");
            Assert.Equal(isReady ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var readiness = await ReadJsonAsync(ready);
            Assert.Equal(isReady ? "ok" : "unavailable", readiness.RootElement.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Successful_requests_log_no_warnings()
    {
        using (await _client.SendAsync(Post("/graphql", TypenameQuery)))
        using (await _client.SendAsync(Get(Query(("query", "{ __typename }")))))
        using (await _client.SendAsync(Post("/graphql", "{ \"not a JSON")))
        {
        }

        Assert.DoesNotContain(
            _fixture.Host.Logs.AtLeast(LogLevel.Warning),
            entry => entry.Exception?.Message != "bug in the executor");
    }
}
