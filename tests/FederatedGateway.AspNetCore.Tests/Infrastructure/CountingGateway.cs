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

namespace FederatedGateway.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A real gateway (Kestrel, composed from a supergraph.yaml) in front of one real subgraph
/// (<c>type Query { hello: String }</c>, <c>type Mutation { touch: String }</c>) that counts the requests it gets and remembers their bodies, so tests can
/// assert what reached a backend. Settings are the gateway's configuration keys.
/// </summary>
public sealed class CountingGateway : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<string> _subgraphBodies = [];
    private readonly List<Dictionary<string, string>> _subgraphHeaders = [];
    private WebApplication? _subgraph;
    private WebApplication? _gateway;

    private CountingGateway(string directory) => Directory = directory;

    /// <summary>A temporary folder for the gateway's files, deleted with it.</summary>
    public string Directory { get; }

    public int SubgraphRequests
    {
        get
        {
            lock (_subgraphBodies)
            {
                return _subgraphBodies.Count;
            }
        }
    }

    public string Endpoint { get; private set; } = "";

    /// <summary>HTTP statuses the subgraph answers its next requests with (no body), one each, before it answers normally again.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<int> SubgraphStatuses { get; } = new();

    /// <summary>How long the subgraph takes to answer (changeable at any time).</summary>
    public TimeSpan SubgraphDelay { get; set; }

    /// <summary>The gateway's services (what it registered from its settings, the state of a subgraph's replicas).</summary>
    public IServiceProvider Services => _gateway!.Services;

    /// <summary>The gateway's base address (health endpoints and the like).</summary>
    public string BaseAddress => _gateway!.Urls.First();

    /// <summary>The subgraph URL the supergraph names, when not the subgraph's own (set in the configure callback: e.g. an address never reached).</summary>
    public string? SubgraphUrl { get; set; }

    /// <summary>The headers of the last request the subgraph got (names in lower case).</summary>
    public IReadOnlyDictionary<string, string> LastSubgraphHeaders
    {
        get
        {
            lock (_subgraphBodies)
            {
                return _subgraphHeaders[^1];
            }
        }
    }

    /// <summary>Starts the subgraph and a gateway with the settings <paramref name="configure"/> returns (it may write files into <see cref="Directory"/> first).</summary>
    /// <param name="subgraphHttps">When set, the subgraph serves HTTPS only (Kestrel's HTTPS settings: certificate, client certificates).</param>
    public static async Task<CountingGateway> StartAsync(
        Func<CountingGateway, Task<Dictionary<string, string?>>> configure, IRequestStage? stage = null,
        Action<Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions>? subgraphHttps = null)
    {
        var gateway = new CountingGateway(System.IO.Directory.CreateTempSubdirectory("fgw-counting-").FullName);
        try
        {
            await gateway.InitializeAsync(await configure(gateway), stage, subgraphHttps);
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    public static Task<CountingGateway> StartAsync(Dictionary<string, string?> settings, IRequestStage? stage = null) =>
        StartAsync(_ => Task.FromResult(settings), stage);

    /// <summary>A Kestrel app on a free loopback port (or <paramref name="port"/>), started.</summary>
    public static async Task<WebApplication> StartAppAsync(
        Action<WebApplication> map, Action<Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions>? https = null, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        if (https is null)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else
        {
            builder.WebHost.UseUrls($"https://127.0.0.1:{port}");
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https));
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    private async Task InitializeAsync(
        Dictionary<string, string?> settings, IRequestStage? stage, Action<Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions>? subgraphHttps)
    {
        _subgraph = await StartAppAsync(app => app.MapPost("/graphql", async context =>
        {
            if (SubgraphDelay > TimeSpan.Zero)
            {
                await Task.Delay(SubgraphDelay);
            }

            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (_subgraphBodies)
            {
                _subgraphBodies.Add(body);
                _subgraphHeaders.Add(context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()));
            }

            if (SubgraphStatuses.TryDequeue(out var failure))
            {
                context.Response.StatusCode = failure;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.Contains("touch", StringComparison.Ordinal) ? """{"data":{"touch":"done"}}""" : """{"data":{"hello":"world"}}""");
        }), subgraphHttps);

        await File.WriteAllTextAsync(Path.Combine(Directory, "hello.graphql"), "type Query { hello: String }\ntype Mutation { touch: String }\n");
        await File.WriteAllTextAsync(Path.Combine(Directory, "supergraph.yaml"),
            $"subgraphs:\n  hello:\n    routing_url: {SubgraphUrl ?? _subgraph.Urls.First() + "/graphql"}\n    schema:\n      file: hello.graphql\n");

        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["config"] = Path.Combine(Directory, "supergraph.yaml") });
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

    /// <summary>POSTs a request body (any object, serialized) with the given headers: the status, the body and the WWW-Authenticate header.</summary>
    public async Task<(int Status, JsonElement Body, string? Challenge)> SendAsync(object envelope, params (string Name, string Value)[] headers)
    {
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
        var body = text.Length > 0 && text[0] == '{' ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return ((int)response.StatusCode, body, response.Headers.WwwAuthenticate.FirstOrDefault()?.ToString());
    }

    public Task<(int Status, JsonElement Body, string? Challenge)> PostAsync(string query, params (string Name, string Value)[] headers) =>
        SendAsync(new { query }, headers);

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _gateway, _subgraph })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        _http.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
