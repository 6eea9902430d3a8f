using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Demo;

/// <summary>
/// The gateway over the demo subgraphs: a real Kestrel host serving the demo supergraph, with each subgraph's
/// URL pointed at where <see cref="DemoSubgraphHost"/> actually listens.
/// </summary>
public static class DemoGateway
{
    /// <summary>The supergraph composed from the demo subgraphs, copied next to the assembly.</summary>
    public static string SupergraphPath => Path.Combine(AppContext.BaseDirectory, "supergraph.graphql");

    /// <param name="url">Where the gateway listens, e.g. <c>http://127.0.0.1:4100</c> (port 0 for any free port).</param>
    /// <param name="supergraphPath">Another supergraph file to serve (tests); the demo's by default.</param>
    public static async Task<WebApplication> StartAsync(DemoSubgraphHost subgraphs, string url, string[]? args = null, CancellationToken cancellationToken = default, string? supergraphPath = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? Array.Empty<string>());
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:SupergraphPath"] = supergraphPath ?? SupergraphPath,
        };
        foreach (var subgraph in subgraphs.Subgraphs)
        {
            settings[$"Gateway:SubgraphUrlOverrides:{subgraph.Name}"] = subgraph.Url.ToString();
        }

        // The demo is for trying the gateway out: the IDE and query plans are on unless the arguments turn them off.
        settings["Gateway:Ide:Enabled"] = builder.Configuration["Gateway:Ide:Enabled"] ?? "true";
        settings["Gateway:ExposeQueryPlan"] = builder.Configuration["Gateway:ExposeQueryPlan"] ?? "true";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        var app = builder.Build();
        app.MapFederatedGateway("/graphql");
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    /// <summary>The first address the started gateway listens on.</summary>
    public static string Address(WebApplication app) => app.Urls.First();
}
