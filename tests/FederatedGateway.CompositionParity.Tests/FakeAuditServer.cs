using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.CompositionParity.Tests;

/// <summary>
/// A real Kestrel server shaped like the federation gateway audit's: <c>GET /ids</c>, <c>GET /&lt;suite&gt;/subgraphs</c>
/// (<c>[{name, url, sdl}]</c>) and <c>GET /&lt;suite&gt;/supergraph</c>, serving suites the test defines.
/// </summary>
internal sealed class FakeAuditServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAuditServer(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    /// <param name="suites">Suite id → its subgraphs (name → SDL) and the "Apollo" supergraph; a null supergraph answers 404.</param>
    public static async Task<FakeAuditServer> StartAsync(IReadOnlyDictionary<string, (IReadOnlyDictionary<string, string> Subgraphs, string? Supergraph)> suites)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/ids", () => Results.Json(suites.Keys));
        app.MapGet("/{suite}/subgraphs", (string suite) => suites.TryGetValue(suite, out var s)
            ? Results.Text(JsonSerializer.Serialize(s.Subgraphs.Select(g => new { name = g.Key, url = $"http://127.0.0.1:9/{suite}/{g.Key}", sdl = g.Value })), "application/json")
            : Results.NotFound());
        app.MapGet("/{suite}/supergraph", (string suite) => suites.TryGetValue(suite, out var s) && s.Supergraph is not null
            ? Results.Text(s.Supergraph)
            : Results.NotFound());
        await app.StartAsync();
        return new FakeAuditServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
