using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.Demo.Apis;
using FederatedGateway.Demo.Grpc;
using FederatedGateway.Demo.Hosting;
using FederatedGateway.Demo.Security;
using Microsoft.AspNetCore.Http;
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

    /// <summary>
    /// <see cref="SupergraphWithGrpcPath"/> with the demo's authorization directives (<c>Order.notional</c> needs
    /// <c>trading:read</c>, <c>Trader.risk</c> needs <c>risk:read</c>), copied next to the assembly.
    /// </summary>
    public static string SecuredSupergraphPath => Path.Combine(AppContext.BaseDirectory, "supergraph-grpc-secured.graphql");

    /// <param name="url">Where the gateway listens, e.g. <c>http://127.0.0.1:4100</c> (port 0 for any free port).</param>
    /// <param name="supergraphPath">Another supergraph file to serve (tests); the demo's by default.</param>
    /// <param name="grpc">The demo gRPC services: serves <see cref="SupergraphWithGrpcPath"/> (unless another path is given) and knows them by their generated descriptors.</param>
    /// <param name="apis">The demo REST and SOAP services (with <paramref name="grpc"/>, whose supergraph routes to them): the
    /// gateway knows them by their entries in <c>supergraph-grpc.yaml</c> and calls them where they listen.</param>
    /// <param name="issuer">The demo's JWT issuer: the gateway accepts its tokens (anonymous callers still read public fields), sends each
    /// caller's trader id (<c>sub</c>) to the subgraphs as <c>x-trader-id</c> (over the caller's own <c>x-trader-id</c>, which
    /// picks the trader for anonymous callers), and hands out tokens at <c>GET /demo/token?trader=alice</c>.</param>
    public static async Task<WebApplication> StartAsync(
        DemoSubgraphHost subgraphs, string url, string[]? args = null, CancellationToken cancellationToken = default, string? supergraphPath = null, DemoGrpcHost? grpc = null,
        DemoIssuer? issuer = null, DemoApiHost? apis = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? Array.Empty<string>());
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:SupergraphPath"] = supergraphPath ?? (grpc is null ? SupergraphPath : SupergraphWithGrpcPath),
        };
        if (grpc is not null)
        {
            AddGrpcServices(builder, grpc, settings);

            // The gRPC services' RPCs with an http route in supergraph-grpc.yaml, as JSON/HTTP too.
            settings["Gateway:Transcoding:Enabled"] = builder.Configuration["Gateway:Transcoding:Enabled"] ?? "true";
        }

        if (apis is not null)
        {
            // Registered before AddFederatedGateway*, so it is the registry the gateway's REST and SOAP clients use.
            builder.Services.AddSingleton(await DemoApiSources.ReadAsync(cancellationToken).ConfigureAwait(false));
        }

        foreach (var subgraph in subgraphs.Subgraphs.Concat(apis?.Services ?? []))
        {
            var key = $"Gateway:SubgraphUrlOverrides:{subgraph.Name}";
            settings[key] = builder.Configuration[key] ?? subgraph.Url.ToString();
        }

        // The demo is for trying the gateway out: the IDE (and so introspection), query plans and the subgraphs' own
        // error messages are on unless the arguments turn them off. A production gateway has all of them off.
        settings["Gateway:Ide:Enabled"] = builder.Configuration["Gateway:Ide:Enabled"] ?? "true";
        settings["Gateway:ExposeQueryPlan"] = builder.Configuration["Gateway:ExposeQueryPlan"] ?? "true";
        settings["Gateway:SubgraphErrors:Expose"] = builder.Configuration["Gateway:SubgraphErrors:Expose"] ?? "true";

        // The demo subgraphs' stand-in for a signed-in user: a caller's x-trader-id header picks Query.me. It goes on
        // renamed, because the rule below replaces x-trader-id with a token's subject (or drops it without a token): a
        // token wins over the header, and the header still counts for anonymous callers.
        settings["Gateway:Headers:All:0:Propagate"] = DemoRequestContext.TraderIdHeader;
        settings["Gateway:Headers:All:0:Rename"] = DemoRequestContext.RequestedTraderIdHeader;
        if (issuer is not null)
        {
            settings["Gateway:Authentication:Jwt:0:Issuer"] = DemoIssuer.IssuerName;
            settings["Gateway:Authentication:Jwt:0:Audiences:0"] = DemoIssuer.Audience;
            settings["Gateway:Authentication:Jwt:0:JwksFile"] = issuer.JwksPath;
            settings["Gateway:Headers:All:1:Insert"] = DemoRequestContext.TraderIdHeader;
            settings["Gateway:Headers:All:1:FromClaim"] = "sub";
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning).OmitPortInUseStartupLog();
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        var app = builder.Build();
        app.MapFederatedGateway("/graphql");
        if (issuer is not null)
        {
            // Tokens only for callers on this machine, even when the demo listens on another address.
            app.MapGet("/demo/token", (string? trader, HttpContext context) =>
                context.Connection.RemoteIpAddress is not { } caller || !System.Net.IPAddress.IsLoopback(caller)
                    ? Results.Text("Demo tokens are handed out to loopback callers only.\n", statusCode: 403)
                    : DemoTrader.Find(trader) is { } found
                        ? Results.Text(issuer.Token(found))
                        : Results.Text($"No demo trader '{trader}'; ask for one of: {string.Join(", ", DemoTrader.All.Select(t => t.Login))}.\n", statusCode: 404));
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    private static void AddGrpcServices(WebApplicationBuilder builder, DemoGrpcHost grpc, Dictionary<string, string?> settings)
    {
        var sources = new GrpcSourceRegistry();
        foreach (var service in grpc.Services)
        {
            settings[$"Gateway:SubgraphUrlOverrides:{service.Name}"] = service.Url.ToString();
            sources.Add(service.Name, DemoGrpcHost.SourceDefinition(service.Name));
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
