using System.Net;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.DifferentialTests.Hosting;

/// <summary>GraphQL.NET federation subgraphs, each its own Kestrel server on 127.0.0.1 (any free port), <c>POST /graphql</c>.</summary>
public sealed class SubgraphServers : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = new();

    /// <summary>Subgraph name to its <c>/graphql</c> URL.</summary>
    public Dictionary<string, string> Urls { get; } = new(StringComparer.Ordinal);

    /// <summary>Starts a subgraph whose graph types are every graph type in <typeparamref name="TSchema"/>'s namespace.</summary>
    public async Task AddAsync<TSchema>(string name)
        where TSchema : class, ISchema
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Subgraph." + name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        foreach (var type in typeof(TSchema).Assembly.GetTypes().Where(t => t.Namespace == typeof(TSchema).Namespace
            && !t.IsAbstract && typeof(IGraphType).IsAssignableFrom(t)))
        {
            builder.Services.AddSingleton(type);
        }

        builder.Services.AddGraphQL(b => b.AddSchema<TSchema>().AddSystemTextJson().AddFederation("2.3"));
        var app = builder.Build();
        app.MapPost("/graphql", HandleAsync);
        app.Services.GetRequiredService<ISchema>().Initialize();
        await app.StartAsync();
        _apps.Add(app);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Urls[name] = new Uri(new Uri(address), "/graphql").ToString();
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter>();
        var request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
        // A stress knob for looking for scheduling races by hand: each answer waits a random 0..N ms (e.g. 15).
        if (int.TryParse(Environment.GetEnvironmentVariable("FGW_DIFF_SUBGRAPH_JITTER_MS"), out var jitter) && jitter > 0)
        {
            await Task.Delay(Random.Shared.Next(0, jitter), context.RequestAborted);
        }
        var result = await executer.ExecuteAsync(o =>
        {
            o.Query = request?.Query;
            o.OperationName = request?.OperationName;
            o.Variables = request?.Variables;
            o.RequestServices = context.RequestServices;
            o.CancellationToken = context.RequestAborted;
        });
        context.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
