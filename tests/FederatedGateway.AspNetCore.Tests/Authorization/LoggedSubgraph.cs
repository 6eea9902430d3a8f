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

namespace FederatedGateway.AspNetCore.Tests.Authorization;

/// <summary>
/// A GraphQL.NET federation subgraph on its own Kestrel server (127.0.0.1, any free port), over HTTP and
/// <c>graphql-transport-ws</c>, that keeps every document it is sent, so a test can check what reached it.
/// </summary>
public sealed class LoggedSubgraph : IAsyncDisposable
{
    private readonly List<string> _documents = [];
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    /// <summary>The documents received so far, in order.</summary>
    public IReadOnlyList<string> Documents
    {
        get
        {
            lock (_documents)
            {
                return _documents.ToArray();
            }
        }
    }

    public void ClearLog()
    {
        lock (_documents)
        {
            _documents.Clear();
        }
    }

    /// <summary>Starts a subgraph whose graph types are those of <typeparamref name="TSchema"/>'s namespace.</summary>
    public static async Task<LoggedSubgraph> StartAsync<TSchema>(string name)
        where TSchema : class, ISchema
    {
        var subgraph = new LoggedSubgraph();
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
        app.UseWebSockets();
        app.MapPost("/graphql", subgraph.HandleAsync);
        app.MapGet("/graphql", context => SubgraphSocketSession.RunAsync(context, subgraph.Log));
        app.Services.GetRequiredService<ISchema>().Initialize();
        await app.StartAsync();
        subgraph._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        subgraph.Url = new Uri(new Uri(address), "/graphql").ToString();
        return subgraph;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter>();
        var request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
        Log(request?.Query ?? "");

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

    private void Log(string document)
    {
        lock (_documents)
        {
            _documents.Add(document);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
