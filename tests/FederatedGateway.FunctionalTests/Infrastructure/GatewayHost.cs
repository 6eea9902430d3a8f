using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Infrastructure;

/// <summary>
/// A real gateway (Kestrel on 127.0.0.1:0) serving the demo supergraph with configuration given in memory only
/// (no appsettings.json, no environment variables), its logs captured in <see cref="Logs"/>.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private GatewayHost(WebApplication app, CapturedLogs logs)
    {
        App = app;
        Logs = logs;
    }

    public WebApplication App { get; }

    public CapturedLogs Logs { get; }

    public string Endpoint => App.Urls.First() + "/graphql";

    /// <summary>
    /// Starts a gateway whose subgraph URLs are <paramref name="subgraphUrls"/> (name → URL), plus any other
    /// <c>Gateway:*</c> settings (keys without the <c>Gateway:</c> prefix), in <paramref name="environment"/>.
    /// </summary>
    public static async Task<GatewayHost> StartAsync(
        IReadOnlyDictionary<string, string> subgraphUrls, IReadOnlyDictionary<string, string>? settings = null, string environment = "Production")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = environment,
        });
        builder.Configuration.Sources.Clear();
        var configuration = new Dictionary<string, string?>
        {
            ["Gateway:SupergraphPath"] = DemoGateway.SupergraphPath,
            ["Gateway:WatchSupergraph"] = "false",
        };
        foreach (var (name, url) in subgraphUrls)
        {
            configuration[$"Gateway:SubgraphUrlOverrides:{name}"] = url;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            configuration["Gateway:" + key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddProvider(logs);
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        var app = builder.Build();
        app.MapFederatedGateway("/graphql");
        await app.StartAsync();
        return new GatewayHost(app, logs);
    }

    /// <summary>Every demo subgraph served from <paramref name="url"/> (the tests' queries reach only the one they script).</summary>
    public static Dictionary<string, string> AllAt(string url) =>
        DemoSubgraphNames.All.ToDictionary(name => name, _ => url);

    /// <summary>The demo subgraphs' real URLs, with some replaced.</summary>
    public static Dictionary<string, string> DemoUrls(DemoSubgraphHost subgraphs, params (string Name, string Url)[] replacements)
    {
        var urls = subgraphs.Subgraphs.ToDictionary(s => s.Name, s => s.Url.ToString());
        foreach (var (name, url) in replacements)
        {
            urls[name] = url;
        }

        return urls;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await App.StopAsync(timeout.Token);
        }
        finally
        {
            await App.DisposeAsync();
        }
    }
}
