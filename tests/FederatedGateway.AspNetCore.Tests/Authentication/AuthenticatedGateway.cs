using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.Execution.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Tests.Authentication;

/// <summary>
/// A real gateway (Kestrel) in front of one real subgraph that counts the requests it gets, with two trusted issuers:
/// "https://idp.test" publishing its keys at a JWKS URL (a Kestrel endpoint that counts its fetches) and
/// "https://partner.test" from a JWKS file; plus one API key.
/// </summary>
internal sealed class AuthenticatedGateway : IAsyncDisposable
{
    public const string ApiKey = "k3y-for-the-ci-bot";

    private readonly string _directory = Directory.CreateTempSubdirectory("fgw-auth-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private WebApplication? _subgraph;
    private WebApplication? _jwks;
    private WebApplication? _gateway;
    private int _subgraphRequests;
    private int _jwksFetches;

    public TokenIssuer Idp { get; } = new("https://idp.test");

    public TokenIssuer Partner { get; } = new("https://partner.test");

    public int SubgraphRequests => Volatile.Read(ref _subgraphRequests);

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    public string Endpoint { get; private set; } = "";

    public static async Task<AuthenticatedGateway> StartAsync(bool required, IRequestStage? stage = null)
    {
        var gateway = new AuthenticatedGateway();
        await gateway.InitializeAsync(required, stage);
        return gateway;
    }

    private async Task InitializeAsync(bool required, IRequestStage? stage)
    {
        _subgraph = await StartAsync(app => app.MapPost("/graphql", async context =>
        {
            Interlocked.Increment(ref _subgraphRequests);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"data":{"hello":"world"}}""");
        }));
        _jwks = await StartAsync(app => app.MapGet("/jwks", context =>
        {
            Interlocked.Increment(ref _jwksFetches);
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(Idp.Jwks());
        }));

        await File.WriteAllTextAsync(Path.Combine(_directory, "hello.graphql"), "type Query { hello: String }\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "supergraph.yaml"),
            $"subgraphs:\n  hello:\n    routing_url: {_subgraph.Urls.First()}/graphql\n    schema:\n      file: hello.graphql\n");
        var partnerJwks = Path.Combine(_directory, "partner-jwks.json");
        await File.WriteAllTextAsync(partnerJwks, Partner.Jwks());

        var settings = new Dictionary<string, string?>
        {
            ["config"] = Path.Combine(_directory, "supergraph.yaml"),
            ["Gateway:Authentication:Required"] = required ? "true" : "false",
            ["Gateway:Authentication:Jwt:0:Issuer"] = Idp.Issuer,
            ["Gateway:Authentication:Jwt:0:Audiences:0"] = "trading-gateway",
            ["Gateway:Authentication:Jwt:0:JwksUrl"] = _jwks.Urls.First() + "/jwks",
            ["Gateway:Authentication:Jwt:0:RequireHttpsJwks"] = "false",
            ["Gateway:Authentication:Jwt:0:ClockSkew"] = "00:00:05",
            ["Gateway:Authentication:Jwt:0:JwksMinimumRefreshInterval"] = "00:00:02",
            ["Gateway:Authentication:Jwt:1:Issuer"] = Partner.Issuer,
            ["Gateway:Authentication:Jwt:1:JwksFile"] = partnerJwks,
            ["Gateway:Authentication:ApiKeys:Keys:0:Name"] = "ci-bot",
            ["Gateway:Authentication:ApiKeys:Keys:0:Sha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
            ["Gateway:Authentication:ApiKeys:Keys:0:Scopes:0"] = "orders:read",
        };
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (stage is not null)
        {
            builder.Services.AddSingleton(stage);
        }

        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        _gateway = builder.Build();
        _gateway.MapFederatedGateway("/graphql");
        await _gateway.StartAsync();
        Endpoint = _gateway.Urls.First() + "/graphql";
        await WaitUntilReadyAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await _http.GetAsync(_gateway!.Urls.First() + "/health/ready");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the gateway did not become ready");
            await Task.Delay(50);
        }
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>POSTs <paramref name="query"/> with the given headers: the status, the body and the WWW-Authenticate header.</summary>
    public async Task<(int Status, JsonElement Body, string? Challenge)> PostAsync(string query, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text[0] == '{' ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return ((int)response.StatusCode, body, response.Headers.WwwAuthenticate.FirstOrDefault()?.ToString());
    }

    public static (string, string) Bearer(string token) => ("Authorization", "Bearer " + token);

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _gateway, _jwks, _subgraph })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
