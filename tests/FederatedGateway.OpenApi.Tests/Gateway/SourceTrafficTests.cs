using System.Text;
using FederatedGateway.AspNetCore.Tests.Tls;
using FederatedGateway.Grpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace FederatedGateway.OpenApi.Tests.Gateway;

/// <summary>
/// How calls of a REST source are made, through the real gateway: OAuth 2.0 client credentials (one token for many
/// calls, asked again after a 401, a refusing token endpoint as the field's error with the API never called), basic
/// credentials, retries of reads only under the gateway's traffic rules, mutual TLS from Gateway:Tls, and in
/// Production no credentials over plain http off loopback.
/// </summary>
public sealed class SourceTrafficTests
{
    private const string Settlement = """{"trade_id":"t1","status":"settled","amount":"1.00"}""";

    private static async Task<GatewayHost> GatewayAsync(string apiUrl, string options = "", Dictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("fgw-openapi-traffic-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "settlement.json"), SettlementApi.Document);
        var config = Path.Combine(folder, "supergraph.yaml");
        await File.WriteAllTextAsync(config, $"subgraphs:\n  settlement:\n    schema:\n      openapi:\n        document: settlement.json\n        base_url: {apiUrl}\n{options}");
        settings ??= [];
        settings["Gateway:SubgraphErrors:AllowedExtensions:0"] = "httpStatus";
        return await GatewayHost.StartAsync(config, settings);
    }

    [Fact]
    public async Task Client_credentials_give_one_token_for_many_calls_and_a_new_one_after_a_401()
    {
        var issued = 0;
        var accepted = "tok-1";
        await using var idp = await TestApi.StartAsync(app => app.MapPost("/token", async (HttpRequest request) =>
        {
            // RFC 6749 §2.3.1: the client authenticates with HTTP Basic (what the gateway sends), or in the body.
            var form = await request.ReadFormAsync();
            var basic = request.Headers.Authorization.ToString() is { Length: > 6 } header && header.StartsWith("Basic ", StringComparison.Ordinal)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])) : $"{form["client_id"]}:{form["client_secret"]}";
            return form["grant_type"] == "client_credentials" && basic == "gw:s3cret" && form["scope"] == "settlement.read"
                ? Results.Json(new { access_token = "tok-" + Interlocked.Increment(ref issued), token_type = "Bearer", expires_in = 3600 })
                : Results.Json(new { error = "invalid_client" }, statusCode: 400);
        }));
        await using var api = await TestApi.StartAsync(app => app.MapGet("/v1/settlements/{id}", (HttpRequest request) =>
            request.Headers.Authorization == "Bearer " + accepted ? Results.Text(Settlement, "application/json") : Results.StatusCode(401)));
        Environment.SetEnvironmentVariable("FGW_TEST_OAUTH_SECRET", "s3cret");
        await using var gateway = await GatewayAsync(api.Url, $"        auth:\n          oauth2: {{ token_url: {idp.Url}/token, client_id: gw, client_secret: \"${{FGW_TEST_OAUTH_SECRET}}\", scope: settlement.read }}\n");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("""{"getSettlement":{"status":"SETTLED"}}""", (await gateway.QueryAsync("""{ getSettlement(tradeId: "t1") { status } }""")).GetProperty("data").GetRawText());
        }

        Assert.Equal(1, issued);
        accepted = "tok-2";
        var refused = await gateway.QueryAsync("""{ getSettlement(tradeId: "t1") { status } }""");
        Assert.Equal(401, refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("httpStatus").GetInt32());
        Assert.Equal("""{"getSettlement":{"status":"SETTLED"}}""", (await gateway.QueryAsync("""{ getSettlement(tradeId: "t1") { status } }""")).GetProperty("data").GetRawText());
        Assert.Equal(2, issued);
    }

    [Fact]
    public async Task A_token_endpoint_that_refuses_is_the_field_s_error_and_the_API_is_not_called()
    {
        await using var idp = await TestApi.StartAsync(app => app.MapPost("/token", () => Results.Json(new { error = "invalid_client" }, statusCode: 401)));
        await using var api = await TestApi.StartAsync(app => app.MapGet("/v1/settlements/{id}", () => Results.Text(Settlement, "application/json")));
        await using var gateway = await GatewayAsync(api.Url, $"        auth:\n          oauth2: {{ token_url: {idp.Url}/token, client_id: gw, client_secret: wrong }}\n");

        var answer = await gateway.QueryAsync("""{ getSettlement(tradeId: "t1") { status } }""");

        Assert.Equal("SOURCE_AUTHENTICATION_FAILED", answer.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Empty(api.Calls);
    }

    [Fact]
    public async Task Basic_credentials_go_with_every_call()
    {
        await using var api = await TestApi.StartAsync(app => app.MapGet("/v1/settlements/{id}", () => Results.Text(Settlement, "application/json")));
        await using var gateway = await GatewayAsync(api.Url, "        auth:\n          basic: { username: svc, password: \"p:w\" }\n");

        await gateway.QueryAsync("""{ getSettlement(tradeId: "t1") { status } }""");

        Assert.Equal(["GET /v1/settlements/t1 auth=Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("svc:p:w"))], api.Calls);
    }

    [Fact]
    public async Task Header_rules_of_the_subgraph_apply_to_its_calls_and_the_source_s_own_headers_win()
    {
        var seen = new List<string>();
        await using var api = await TestApi.StartAsync(app => app.MapGet("/v1/settlements/{id}", (HttpRequest request) =>
        {
            lock (seen)
            {
                seen.Add($"tenant={request.Headers["x-tenant"]} desk={request.Headers["x-desk"]} key={request.Headers["x-api-key"]} secret={request.Headers["x-secret"]}");
            }

            return Results.Text(Settlement, "application/json");
        }));
        await using var gateway = await GatewayAsync(api.Url, "        headers:\n          x-api-key: own\n", new Dictionary<string, string?>
        {
            ["Gateway:Headers:Subgraphs:settlement:0:Propagate"] = "x-tenant",
            ["Gateway:Headers:Subgraphs:settlement:1:Insert"] = "x-desk",
            ["Gateway:Headers:Subgraphs:settlement:1:Value"] = "fx",
            ["Gateway:Headers:Subgraphs:settlement:2:Propagate"] = "x-api-key",
        });

        await gateway.QueryAsync("""{ getSettlement(tradeId: "t1") { status } }""", new Dictionary<string, string> { ["x-tenant"] = "acme", ["x-secret"] = "no", ["x-api-key"] = "client's" });

        Assert.Equal(["tenant=acme desk=fx key=own secret="], seen);
    }

    [Fact]
    public async Task Identical_fetches_of_concurrent_requests_reach_the_API_once()
    {
        await using var api = await TestApi.StartAsync(app => app.MapGet("/v1/settlements/{id}", async () =>
        {
            await Task.Delay(500);
            return Results.Text(Settlement, "application/json");
        }));
        await using var gateway = await GatewayAsync(api.Url);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => gateway.QueryAsync("""{ getSettlement(tradeId: "t1") { status } }""")));

        Assert.All(answers, answer => Assert.Equal("""{"getSettlement":{"status":"SETTLED"}}""", answer.GetProperty("data").GetRawText()));
        Assert.InRange(api.Calls.Count, 1, 2); // one, unless a request arrived after the first answer
    }

    [Fact]
    public async Task A_read_is_sent_again_after_a_503_and_a_mutation_is_not()
    {
        var reads = 0;
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapGet("/v1/settlements/{id}", () => Interlocked.Increment(ref reads) == 1 ? Results.StatusCode(503) : Results.Text(Settlement, "application/json"));
            app.MapPost("/v1/settlements/{id}/instructions", () => Results.StatusCode(503));
        });
        await using var gateway = await GatewayAsync(api.Url);

        var read = await gateway.QueryAsync("""{ getSettlement(tradeId: "t1") { status } }""");
        var write = await gateway.QueryAsync("""mutation { instructSettlement(tradeId: "t1", input: { instruction: "x" }) { status } }""");

        Assert.Equal("""{"getSettlement":{"status":"SETTLED"}}""", read.GetProperty("data").GetRawText());
        Assert.Equal(503, write.GetProperty("errors")[0].GetProperty("extensions").GetProperty("httpStatus").GetInt32());
        Assert.Equal(2, api.Calls.Count(c => c.StartsWith("GET", StringComparison.Ordinal)));
        Assert.Equal(1, api.Calls.Count(c => c.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Mutual_TLS_uses_the_subgraph_s_client_certificate_and_private_CA()
    {
        var certificates = TestCertificates.Create();
        await using var api = await TestApi.StartAsync(
            app => app.MapGet("/v1/settlements/{id}", () => Results.Text(Settlement, "application/json")),
            https =>
            {
                https.ServerCertificate = certificates.Server;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (certificate, _, _) => certificates.IssuedByCa(certificate);
            });
        var (ca, certificate, key) = certificates.WritePem(Directory.CreateTempSubdirectory("fgw-openapi-tls-").FullName);
        await using var gateway = await GatewayAsync(api.Url, "", new Dictionary<string, string?>
        {
            ["Gateway:Tls:Subgraphs:settlement:ClientCertificate"] = certificate,
            ["Gateway:Tls:Subgraphs:settlement:ClientKey"] = key,
            ["Gateway:Tls:Subgraphs:settlement:CaCertificate"] = ca,
        });

        var answer = await gateway.QueryAsync("""{ getSettlement(tradeId: "t1") { status } }""");

        Assert.Equal("""{"getSettlement":{"status":"SETTLED"}}""", answer.GetProperty("data").GetRawText());
        Assert.StartsWith("https://", api.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_over_plain_http_off_loopback_are_refused_in_production()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayAsync("http://192.0.2.10:8080/", "        headers:\n          x-api-key: k\n"));

        Assert.Contains("would receive credentials (x-api-key) in plain text", error.ToString(), StringComparison.Ordinal);
    }
}
