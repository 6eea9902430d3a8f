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
using Microsoft.Extensions.Logging;

namespace FederatedGateway.DifferentialTests.Library;

/// <summary>The library graph's two GraphQL.NET federation subgraphs, each on Kestrel 127.0.0.1:0.</summary>
public sealed class LibrarySubgraphs : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = new();

    public Dictionary<string, string> Urls { get; } = new(StringComparer.Ordinal);

    public static async Task<LibrarySubgraphs> StartAsync()
    {
        var host = new LibrarySubgraphs();
        await host.StartAsync<Catalog.CatalogSchema>("catalog", s =>
        {
            s.AddSingleton<Catalog.CatalogQuery>().AddSingleton<Catalog.BookType>().AddSingleton<Catalog.MovieType>()
                .AddSingleton<Catalog.AuthorType>().AddSingleton<Catalog.MediaInterface>().AddSingleton<Catalog.SearchResultUnion>();
        });
        await host.StartAsync<Reviews.ReviewsSchema>("reviews", s =>
        {
            s.AddSingleton<Reviews.ReviewsQuery>().AddSingleton<Reviews.BookType>().AddSingleton<Reviews.MovieType>().AddSingleton<Reviews.ReviewType>();
        });
        return host;
    }

    private async Task StartAsync<TSchema>(string name, Action<IServiceCollection> register)
        where TSchema : class, ISchema
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Library." + name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        register(builder.Services);
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
