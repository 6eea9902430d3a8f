using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>The real gateway host (Kestrel on 127.0.0.1) composing a <c>supergraph.yaml</c> at start (<c>--config</c>), its log collected.</summary>
public sealed class ConfigGatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private ConfigGatewayHost(WebApplication app, FakeLogCollector logs)
    {
        _app = app;
        Logs = logs;
    }

    public FakeLogCollector Logs { get; }

    public string GraphQLUrl => _app.Urls.First() + "/graphql";

    public static async Task<ConfigGatewayHost> StartAsync(string configPath, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        var values = new Dictionary<string, string?> { ["config"] = configPath, ["Gateway:WatchSupergraph"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFakeLogging();
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        var app = builder.Build();
        app.MapFederatedGateway("/graphql");
        await app.StartAsync();
        return new ConfigGatewayHost(app, app.Services.GetRequiredService<FakeLogCollector>());
    }

    public async Task<JsonElement> QueryAsync(string query)
    {
        using var response = await _http.PostAsJsonAsync(GraphQLUrl, new { query });
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Asks <paramref name="query"/> until its answer has data and no errors, or the time is up (then the last answer).</summary>
    public async Task<JsonElement> QueryUntilAnsweredAsync(string query, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var answer = await QueryAsync(query);
            var answered = !answer.TryGetProperty("errors", out _) && answer.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
            if (answered || DateTime.UtcNow > until)
            {
                return answer;
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
