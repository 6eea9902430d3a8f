using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Registry.Tests.Following;

/// <summary>A real gateway (Kestrel, 127.0.0.1) following <c>trading@prod</c> of a registry, its disk copy in <paramref name="cacheFolder"/>.</summary>
internal sealed class FollowingGateway(WebApplication app) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Endpoint => app.Urls.First() + "/graphql";

    /// <param name="usageDatabase">When set, usage analytics is on and counted into this SQLite file (flushed when the gateway stops).</param>
    public static async Task<FollowingGateway> StartAsync(string registry, string cacheFolder, string? usageDatabase = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["registry"] = registry,
            ["graph"] = "trading@prod",
            ["Gateway:Registry:Token"] = RegistryHost.GatewayToken,
            ["Gateway:Registry:CacheFolder"] = cacheFolder,
            ["Gateway:Registry:PollWait"] = "00:00:05",
            ["Gateway:Registry:RetryDelay"] = "00:00:00.2",
            ["Gateway:Registry:StartTimeout"] = "00:00:03",
            ["Gateway:Introspection"] = "true",
            ["Gateway:Usage:Enabled"] = usageDatabase is null ? "false" : "true",
            ["Gateway:Usage:SqlitePath"] = usageDatabase,
            ["Gateway:Usage:FlushInterval"] = "01:00:00",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        var app = builder.Build();
        app.MapFederatedGateway("/graphql");
        await app.StartAsync();
        return new FollowingGateway(app);
    }

    /// <summary>The answer's data, or throws with the body when the request failed or carried errors.</summary>
    public async Task<JsonElement> QueryAsync(string query, string? clientName = null, string? clientVersion = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = JsonContent.Create(new { query }) };
        if (clientName is not null)
        {
            request.Headers.Add("apollographql-client-name", clientName);
            request.Headers.Add("apollographql-client-version", clientVersion ?? "");
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        if (!response.IsSuccessStatusCode || json.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }

        return json.GetProperty("data").Clone();
    }

    /// <summary>The registry version <c>/health/ready</c> says this gateway serves.</summary>
    public async Task<int> ServedVersionAsync()
    {
        var body = await _http.GetStringAsync(app.Urls.First() + "/health/ready");
        return JsonDocument.Parse(body).RootElement.GetProperty("supergraph").GetProperty("version").GetInt32();
    }

    /// <summary>Whether <c>Trader.desk</c> is deprecated in the schema this gateway serves.</summary>
    public async Task<bool> DeskDeprecatedAsync()
    {
        var data = await QueryAsync("{ __type(name: \"Trader\") { fields(includeDeprecated: true) { name isDeprecated } } }");
        return data.GetProperty("__type").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "desk").GetProperty("isDeprecated").GetBoolean();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        _http.Dispose();
    }
}
