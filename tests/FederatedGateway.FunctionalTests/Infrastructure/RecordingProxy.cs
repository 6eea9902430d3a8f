using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Infrastructure;

/// <summary>
/// A pass-through in front of a real subgraph (127.0.0.1:0) that keeps every request body it forwards: what the
/// subgraph really received. Use <see cref="Url"/> as the subgraph's URL override.
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    private static readonly string[] ForwardedHeaders = ["x-trader-id", "x-requested-trader-id"];

    private readonly WebApplication _app;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentQueue<string> _bodies = new();

    private RecordingProxy(WebApplication app) => _app = app;

    /// <summary>The request bodies forwarded so far, in order.</summary>
    public IReadOnlyCollection<string> Bodies => _bodies;

    public string Url => _app.Urls.First() + "/graphql";

    public static async Task<RecordingProxy> StartAsync(Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new RecordingProxy(app);
        app.MapPost("/graphql", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            proxy._bodies.Enqueue(body);
            using var forward = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var name in ForwardedHeaders)
            {
                if (context.Request.Headers.TryGetValue(name, out var values))
                {
                    forward.Headers.TryAddWithoutValidation(name, values.ToArray());
                }
            }

            using var answer = await proxy._http.SendAsync(forward, context.RequestAborted);
            var text = await answer.Content.ReadAsStringAsync(context.RequestAborted);
            return Results.Text(text, answer.Content.Headers.ContentType?.ToString() ?? "application/json", statusCode: (int)answer.StatusCode);
        });
        await app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
