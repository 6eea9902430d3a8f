using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace FederatedGateway.AspNetCore.Tests.Telemetry;

/// <summary>
/// A real gateway with tracing and metrics on (spans collected in memory, metrics scraped at <c>/metrics</c>) in front
/// of two real subgraphs: <c>spot</c> (<c>spotRate</c>) and <c>forward</c> (<c>forwardPoints</c>, which can be told to
/// fail). Each subgraph remembers the <c>traceparent</c> headers it received.
/// </summary>
public sealed class TelemetryGateway : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _directory = Directory.CreateTempSubdirectory("fgw-telemetry-").FullName;
    private readonly List<WebApplication> _apps = [];

    /// <summary>The spans the gateway's tracer provider exported.</summary>
    public List<Activity> Spans { get; } = [];

    /// <summary>The <c>traceparent</c> each subgraph got, by subgraph name (null when none was sent).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string?>> TraceParents { get; } = new();

    /// <summary>Whether the <c>forward</c> subgraph answers 500 with no body.</summary>
    public bool ForwardFails { get; set; }

    public string Endpoint { get; private set; } = "";

    /// <summary>What the gateway logged (its own categories from Debug up, the rest from Warning).</summary>
    public CollectingLoggerProvider Logs { get; } = new();

    public string BaseAddress { get; private set; } = "";

    public static async Task<TelemetryGateway> StartAsync(Dictionary<string, string?> settings)
    {
        var gateway = new TelemetryGateway();
        try
        {
            await gateway.InitializeAsync(settings);
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    private async Task InitializeAsync(Dictionary<string, string?> settings)
    {
        var spot = await StartSubgraphAsync("spot", """{"data":{"spotRate":1.0825}}""");
        var forward = await StartSubgraphAsync("forward", """{"data":{"forwardPoints":12.5}}""");
        await File.WriteAllTextAsync(Path.Combine(_directory, "spot.graphql"), "type Query { spotRate: Float }\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "forward.graphql"), "type Query { forwardPoints: Float }\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "supergraph.yaml"),
            $"subgraphs:\n  spot:\n    routing_url: {spot}\n    schema:\n      file: spot.graphql\n"
            + $"  forward:\n    routing_url: {forward}\n    schema:\n      file: forward.graphql\n");

        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["config"] = Path.Combine(_directory, "supergraph.yaml") });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("FederatedGateway", LogLevel.Debug);
        builder.Logging.AddProvider(Logs);
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        var app = builder.Build();
        _apps.Add(app);
        app.MapFederatedGateway("/graphql");
        await app.StartAsync();
        BaseAddress = app.Urls.First();
        Endpoint = BaseAddress + "/graphql";
        await WaitUntilReadyAsync();
    }

    private async Task<string> StartSubgraphAsync(string name, string answer)
    {
        var received = TraceParents.GetOrAdd(name, _ => new ConcurrentQueue<string?>());
        var app = await CountingGateway.StartAppAsync(app => app.MapPost("/graphql", async context =>
        {
            received.Enqueue(context.Request.Headers.TryGetValue("traceparent", out var traceParent) ? traceParent.ToString() : null);
            if (name == "forward" && ForwardFails)
            {
                context.Response.StatusCode = 500;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        }));
        _apps.Add(app);
        return app.Urls.First() + "/graphql";
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await _http.GetAsync(BaseAddress + "/health/ready");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the gateway did not become ready");
            await Task.Delay(50);
        }
    }

    /// <summary>POSTs <paramref name="query"/> with the given headers: the status and the body.</summary>
    public Task<(int Status, JsonElement Body)> PostAsync(string query, params (string Name, string Value)[] headers) =>
        PostAsync(query, null, headers);

    /// <summary>POSTs <paramref name="query"/> naming <paramref name="operationName"/>, with the given headers: the status and the body.</summary>
    public async Task<(int Status, JsonElement Body)> PostAsync(string query, string? operationName, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, operationName }), Encoding.UTF8, "application/json"),
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

    /// <summary>GETs <paramref name="path"/> from the gateway: the status and the text.</summary>
    public async Task<(int Status, string Text)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(BaseAddress + path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
