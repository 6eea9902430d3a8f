using FederatedGateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Hardening;

/// <summary>
/// A subgraph answers an error carrying its message, a stack trace and a connection string with a password. In
/// Production none of it reaches the client (the full error is in the gateway's log); with
/// <c>Gateway:SubgraphErrors:Expose</c> (the Development default) all of it does; an allowed extension passes.
/// </summary>
public sealed class SubgraphErrorMaskingTests : IAsyncLifetime
{
    private const string Query = """{ instrument(symbol: "AAPL") { name } }""";

    private const string LeakyAnswer = """
        {"data":{"instrument":null},"errors":[{
          "message":"Npgsql failed: Host=db.internal;Password=hunter2",
          "path":["instrument"],"locations":[{"line":1,"column":3}],
          "extensions":{"code":"INTERNAL_SERVER_ERROR",
            "exception":{"stacktrace":["System.Exception: boom","   at Portfolio.Db.Open() in /src/Db.cs:line 12"]},
            "connectionString":"Host=db.internal;Password=hunter2","retryAfter":30}}]}
        """;

    private static readonly string[] Secrets = ["hunter2", "Npgsql", "db.internal", "stacktrace", "Db.Open", "connectionString"];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private ScriptedSubgraph _portfolio = null!;

    public async Task InitializeAsync()
    {
        _portfolio = await ScriptedSubgraph.StartAsync();
        _portfolio.Answer = LeakyAnswer;
    }

    public async Task DisposeAsync()
    {
        await _portfolio.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task InProductionNothingOfTheSubgraphsErrorReachesTheClientButTheLogHasItAll()
    {
        await using var gateway = await StartAsync("Production");

        var response = await GraphQLHttp.PostAsync(_http, gateway.Endpoint, Query);

        Assert.Equal(200, response.Status);
        JsonAssert.Equal("""
            {"errors":[{"message":"Subgraph errors are hidden; see the gateway log.","path":["instrument"],
              "extensions":{"code":"INTERNAL_SERVER_ERROR","serviceName":"portfolio"}}],"data":{"instrument":null}}
            """, response.Body);
        var logged = Assert.Single(gateway.Logs.Entries, e => e.Message.Contains("hunter2", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("Db.Open", logged.Message);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("Production", "true")]
    [InlineData("Development", null)]
    public async Task ExposedTheSubgraphsErrorPassesWhole(string environment, string? expose)
    {
        await using var gateway = await StartAsync(environment, expose is null ? [] : [("SubgraphErrors:Expose", expose)]);

        var response = await GraphQLHttp.PostAsync(_http, gateway.Endpoint, Query);

        var text = response.Body.GetRawText();
        Assert.All(Secrets, secret => Assert.Contains(secret, text));
        var error = Assert.Single(response.Errors);
        Assert.Equal("Npgsql failed: Host=db.internal;Password=hunter2", error.GetProperty("message").GetString());
        Assert.Equal("portfolio", error.GetProperty("extensions").GetProperty("serviceName").GetString());
    }

    [Fact]
    public async Task InDevelopmentExposeFalseMasks()
    {
        await using var gateway = await StartAsync("Development", [("SubgraphErrors:Expose", "false")]);

        var response = await GraphQLHttp.PostAsync(_http, gateway.Endpoint, Query);

        AssertNoSecret(response);
    }

    [Fact]
    public async Task AnAllowedExtensionPassesAndNothingElse()
    {
        await using var gateway = await StartAsync("Production", [("SubgraphErrors:AllowedExtensions:0", "retryAfter")]);

        var response = await GraphQLHttp.PostAsync(_http, gateway.Endpoint, Query);

        AssertNoSecret(response);
        JsonAssert.Equal(
            """{"retryAfter":30,"code":"INTERNAL_SERVER_ERROR","serviceName":"portfolio"}""",
            Assert.Single(response.Errors).GetProperty("extensions"));
    }

    private static void AssertNoSecret(GraphQLHttpResponse response)
    {
        var text = response.Body.GetRawText();
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, text));
        Assert.Equal("Subgraph errors are hidden; see the gateway log.", Assert.Single(response.Errors).GetProperty("message").GetString());
    }

    private Task<GatewayHost> StartAsync(string environment, params (string Key, string Value)[] settings) =>
        GatewayHost.StartAsync(GatewayHost.AllAt(_portfolio.Url), settings.ToDictionary(s => s.Key, s => s.Value), environment);
}
