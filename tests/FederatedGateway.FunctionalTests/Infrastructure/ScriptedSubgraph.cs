using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Infrastructure;

/// <summary>
/// A "subgraph" on 127.0.0.1:0 that answers every POST with <see cref="Answer"/> (a GraphQL JSON response the test
/// crafts) and remembers each request's headers and body, so a test can see exactly what the gateway sent; a GET
/// (a subscription's WebSocket handshake) is remembered and refused.
/// </summary>
public sealed class ScriptedSubgraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private ScriptedSubgraph(WebApplication app) => _app = app;

    /// <summary>The JSON body of every answer.</summary>
    public string Answer { get; set; } = """{"data":null}""";

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public string Url => _app.Urls.First() + "/graphql";

    public static async Task<ScriptedSubgraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var subgraph = new ScriptedSubgraph(app);
        app.MapPost("/graphql", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            subgraph._received.Enqueue(new ReceivedRequest(headers, body));
            return Results.Text(subgraph.Answer, "application/json");
        });
        // A WebSocket handshake (a subscription) is recorded and refused: this subgraph only answers POSTs.
        app.MapGet("/graphql", (HttpContext context) =>
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            subgraph._received.Enqueue(new ReceivedRequest(headers, ""));
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        });
        await app.StartAsync();
        return subgraph;
    }

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

    /// <summary>One request as the subgraph received it (header names case-insensitive).</summary>
    public sealed record ReceivedRequest(IReadOnlyDictionary<string, string> Headers, string Body);
}
