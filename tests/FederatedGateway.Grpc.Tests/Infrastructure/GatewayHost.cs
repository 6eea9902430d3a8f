using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>The real gateway host composing a supergraph.yaml at start (--config) on a free loopback port.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private GatewayHost(WebApplication app) => _app = app;

    public static async Task<GatewayHost> StartAsync(string config, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["config"] = config, ["Gateway:WatchSupergraph"] = "false" });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        var app = builder.Build();
        app.MapFederatedGateway("/graphql");
        await app.StartAsync();
        return new GatewayHost(app);
    }

    /// <summary>The whole GraphQL response of a query, sent with <paramref name="headers"/> when given.</summary>
    public async Task<JsonElement> QueryAsync(string query, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _app.Urls.First() + "/graphql") { Content = JsonContent.Create(new { query }) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
