using System.Net;
using FederatedGateway.AspNetCore.Loading;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Demo.Hosting;

/// <summary>Builds and starts one subgraph as its own Kestrel app on 127.0.0.1, serving <c>POST /graphql</c> and
/// <c>graphql-transport-ws</c> WebSocket connections at the same path.</summary>
internal static class SubgraphServer
{
    public const string Path = "/graphql";

    public static async Task<(WebApplication App, Uri Url)> StartAsync(
        SubgraphDefinition definition,
        int port,
        Action<ILoggingBuilder>? configureLogging,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);

        // The empty builder reads no environment variables or appsettings, so ASPNETCORE_URLS and friends
        // cannot move or duplicate the listener.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "FederatedGateway.Demo." + definition.Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (configureLogging is null)
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        else
            configureLogging(builder.Logging);

        builder.Logging.OmitPortInUseStartupLog();

        builder.Services.AddSingleton<SubscriptionTracker>();
        definition.ConfigureServices(builder.Services);

        var app = builder.Build();
        app.UseWebSockets();
        app.MapPost(Path, GraphQLHttpEndpoint.HandleAsync);
        app.MapGet(Path, TransportWsEndpoint.HandleAsync);
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        try
        {
            // build the schema now, so a broken schema fails the start instead of the first request
            app.Services.GetRequiredService<GraphQL.Types.ISchema>().Initialize();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var url = new Uri(new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)), Path);
        return (app, url);
    }
}
