using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.Demo.Grpc;
using FederatedGateway.Grpc.Sources;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>The supergraph of the GraphQL subgraphs plus the gRPC services, copied next to the assembly.</summary>
    public static string SupergraphWithGrpcPath => Path.Combine(AppContext.BaseDirectory, "supergraph-grpc.graphql");

    /// <param name="url">Where the gateway listens, e.g. <c>http://127.0.0.1:4100</c> (port 0 for any free port).</param>
    /// <param name="supergraphPath">Another supergraph file to serve (tests); the demo's by default.</param>
    /// <param name="grpc">The demo gRPC services: serves <see cref="SupergraphWithGrpcPath"/> (unless another path is given) and knows them by their generated descriptors.</param>
    public static async Task<WebApplication> StartAsync(DemoSubgraphHost subgraphs, string url, string[]? args = null, CancellationToken cancellationToken = default, string? supergraphPath = null, DemoGrpcHost? grpc = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? Array.Empty<string>());
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:SupergraphPath"] = supergraphPath ?? (grpc is null ? SupergraphPath : SupergraphWithGrpcPath),
        };
        if (grpc is not null)
        {
            AddGrpcServices(builder, grpc, settings);
        }

        foreach (var subgraph in subgraphs.Subgraphs)
        {
            settings[$"Gateway:SubgraphUrlOverrides:{subgraph.Name}"] = subgraph.Url.ToString();
        }

        // The demo is for trying the gateway out: the IDE (and so introspection), query plans and the subgraphs' own
        // error messages are on unless the arguments turn them off. A production gateway has all of them off.
        settings["Gateway:Ide:Enabled"] = builder.Configuration["Gateway:Ide:Enabled"] ?? "true";
        settings["Gateway:ExposeQueryPlan"] = builder.Configuration["Gateway:ExposeQueryPlan"] ?? "true";
        settings["Gateway:SubgraphErrors:Expose"] = builder.Configuration["Gateway:SubgraphErrors:Expose"] ?? "true";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        var app = builder.Build();
        app.MapFederatedGateway("/graphql");
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    private static void AddGrpcServices(WebApplicationBuilder builder, DemoGrpcHost grpc, Dictionary<string, string?> settings)
    {
        var sources = new GrpcSourceRegistry();
        foreach (var service in grpc.Services)
        {
            settings[$"Gateway:SubgraphUrlOverrides:{service.Name}"] = service.Url.ToString();
            sources.Add(service.Name, new GrpcSourceDefinition { Generated = [DemoGrpcHost.Descriptors[service.Name]] });
        }

        // Registered before AddFederatedGateway*, so it is the registry the gateway's gRPC client uses.
        builder.Services.AddSingleton(sources);
    }

    /// <summary>
    /// What the demo program turns on besides (tests that start the gateway in-process leave it off): usage analytics,
    /// counted into a SQLite file in the user's local application data (not the repository), and the dashboard.
    /// </summary>
    public static string[] AnalyticsArguments =>
    [
        "--Gateway:Usage:Enabled=true",
        "--Gateway:Usage:SqlitePath=" + Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "FederatedGateway", "demo", "usage.db"),
        "--Gateway:Dashboard:Enabled=true",
    ];

    /// <summary>The first address the started gateway listens on.</summary>
    public static string Address(WebApplication app) => app.Urls.First();
}
