using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Cli.Tests.Infrastructure;

/// <summary>A real Kestrel server on a free loopback port whose POST /graphql answers as the test says (a broken or slow "subgraph").</summary>
internal sealed class StubSubgraph : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubSubgraph(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The stub's GraphQL endpoint.</summary>
    public string Url { get; }

    public static async Task<StubSubgraph> StartAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/graphql", answer);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StubSubgraph(app, address + "/graphql");
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
