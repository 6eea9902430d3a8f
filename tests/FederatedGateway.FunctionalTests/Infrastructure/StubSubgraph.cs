using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Infrastructure;

/// <summary>
/// A misbehaving "subgraph" on 127.0.0.1:0: one POST route per way of failing. Use <see cref="Url"/> as a
/// subgraph URL override.
/// </summary>
public sealed class StubSubgraph : IAsyncDisposable
{
    /// <summary>How long <c>/slow</c> takes (it stops early when the gateway gives up).</summary>
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(15);

    private readonly WebApplication _app;

    private StubSubgraph(WebApplication app) => _app = app;

    public static async Task<StubSubgraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/html", () => Results.Text("<html><body>Down for maintenance</body></html>", "text/html"));
        app.MapPost("/invalid-json", () => Results.Text("{\"data\": {\"instrument\": ", "application/json"));
        app.MapPost("/not-graphql", () => Results.Text("{\"hello\":1}", "application/json"));
        app.MapPost("/error-500", () => Results.Text("boom", "text/plain", statusCode: 500));
        app.MapPost("/slow", async (CancellationToken ct) =>
        {
            try
            {
                await Task.Delay(SlowDelay, ct);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }

            return Results.Text("{\"data\":null}", "application/json");
        });
        await app.StartAsync();
        return new StubSubgraph(app);
    }

    /// <summary>The URL of one behaviour: <c>html</c>, <c>invalid-json</c>, <c>not-graphql</c>, <c>error-500</c>, <c>slow</c>.</summary>
    public string Url(string behaviour) => _app.Urls.First() + "/" + behaviour;

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
