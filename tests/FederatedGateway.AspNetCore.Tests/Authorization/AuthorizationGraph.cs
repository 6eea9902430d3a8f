using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.AspNetCore.Tests.Authentication;
using FederatedGateway.Execution.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Tests.Authorization;

/// <summary>
/// The authorization test graph, all real: two GraphQL.NET federation subgraphs (accounts, orders) that log what they
/// are sent, and the gateway (Kestrel) over trading.supergraph.graphql, which protects fields, types, an enum, an
/// interface implementation and a union member with <c>@authenticated</c>, <c>@requiresScopes</c> and
/// <c>@policy</c>. Callers sign in with tokens of one issuer (any scopes) or one API key; the ASP.NET Core policy
/// "desk-head" allows callers with the scope <c>desk:head</c> (asynchronously).
/// </summary>
internal sealed class AuthorizationGraph : IAsyncDisposable
{
    public const string ApiKey = "k3y-for-the-risk-bot";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _directory = Directory.CreateTempSubdirectory("fgw-authz-").FullName;
    private WebApplication? _gateway;

    private AuthorizationGraph(LoggedSubgraph accounts, LoggedSubgraph orders)
    {
        Accounts = accounts;
        Orders = orders;
    }

    public LoggedSubgraph Accounts { get; }

    public LoggedSubgraph Orders { get; }

    public TokenIssuer Issuer { get; } = new("https://idp.test");

    public string Endpoint { get; private set; } = "";

    /// <summary>Every document any subgraph was sent, in order per subgraph.</summary>
    public IEnumerable<string> SubgraphDocuments => Accounts.Documents.Concat(Orders.Documents);

    public static string SupergraphTemplatePath => Path.Combine(AppContext.BaseDirectory, "Authorization", "trading.supergraph.graphql");

    public static async Task<AuthorizationGraph> StartAsync(bool rejectUnauthorized = false)
    {
        var accounts = await LoggedSubgraph.StartAsync<Accounts.AccountsSchema>("accounts");
        var orders = await LoggedSubgraph.StartAsync<Orders.OrdersSchema>("orders");
        var graph = new AuthorizationGraph(accounts, orders);
        try
        {
            await graph.StartGatewayAsync(rejectUnauthorized);
        }
        catch
        {
            await graph.DisposeAsync();
            throw;
        }

        return graph;
    }

    private async Task StartGatewayAsync(bool rejectUnauthorized)
    {
        var supergraph = (await File.ReadAllTextAsync(SupergraphTemplatePath))
            .Replace("{accounts}", Accounts.Url, StringComparison.Ordinal)
            .Replace("{orders}", Orders.Url, StringComparison.Ordinal);
        var supergraphPath = Path.Combine(_directory, "supergraph.graphql");
        await File.WriteAllTextAsync(supergraphPath, supergraph);
        var jwks = Path.Combine(_directory, "jwks.json");
        await File.WriteAllTextAsync(jwks, Issuer.Jwks());

        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:SupergraphPath"] = supergraphPath,
            ["Gateway:Introspection"] = "true",
            ["Gateway:Authorization:RejectUnauthorized"] = rejectUnauthorized ? "true" : "false",
            ["Gateway:Authentication:Jwt:0:Issuer"] = Issuer.Issuer,
            ["Gateway:Authentication:Jwt:0:Audiences:0"] = "trading-gateway",
            ["Gateway:Authentication:Jwt:0:JwksFile"] = jwks,
            ["Gateway:Authentication:ApiKeys:Keys:0:Name"] = "risk-bot",
            ["Gateway:Authentication:ApiKeys:Keys:0:Sha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
            ["Gateway:Authentication:ApiKeys:Keys:0:Scopes:0"] = "risk:read",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Answered asynchronously, as a policy that asks a service would: the stage's asynchronous path is the one tested.
        builder.Services.AddAuthorization(options => options.AddPolicy("desk-head", policy => policy.RequireAssertion(async context =>
        {
            await Task.Yield();
            return context.User.FindAll("scope").Any(scope => scope.Value.Split(' ').Contains("desk:head"));
        })));
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        _gateway = builder.Build();
        _gateway.MapFederatedGateway("/graphql");
        await _gateway.StartAsync();
        Endpoint = _gateway.Urls.First() + "/graphql";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await _http.GetAsync(_gateway.Urls.First() + "/health/ready")).IsSuccessStatusCode)
        {
            Assert.True(DateTime.UtcNow < deadline, "the gateway did not become ready");
            await Task.Delay(50);
        }
    }

    /// <summary>How many prepared (parsed, validated, planned) operations the gateway's current snapshot caches.</summary>
    public int CachedOperations => _gateway!.Services.GetRequiredService<FederatedGatewayExecutor>().Snapshot!.Preparer.CachedCount;

    /// <summary>A bearer token of the graph's issuer with these scopes (space-separated).</summary>
    public (string, string) Token(string? scopes, string subject = "alice") => ("Authorization", "Bearer " + Issuer.Token(subject: subject, scope: scopes));

    public static (string, string) ApiKeyHeader => ("X-Api-Key", ApiKey);

    /// <summary>Clears the subgraphs' logs, POSTs the query: the status and the body.</summary>
    public Task<(int Status, JsonElement Body)> PostAsync(string query, params (string Name, string Value)[] headers) =>
        SendAsync(new { query }, headers);

    /// <summary>Clears the subgraphs' logs, POSTs the request body (any object, serialized): the status and the body.</summary>
    public async Task<(int Status, JsonElement Body)> SendAsync(object envelope, params (string Name, string Value)[] headers)
    {
        Accounts.ClearLog();
        Orders.ClearLog();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(envelope), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Clears the subgraphs' logs, POSTs the query asking for Server-Sent Events: every <c>next</c> event's payload.</summary>
    public async Task<IReadOnlyList<JsonElement>> StreamAsync(string query, params (string Name, string Value)[] headers)
    {
        Accounts.ClearLog();
        Orders.ClearLog();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return text.Split("\n\n")
            .Where(e => e.StartsWith("event: next\n", StringComparison.Ordinal))
            .Select(e => JsonDocument.Parse(e["event: next\ndata: ".Length..]).RootElement.Clone())
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
        }

        await Accounts.DisposeAsync();
        await Orders.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
