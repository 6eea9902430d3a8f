using System.Net;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.OpenApi.Tests.Gateway;

/// <summary>
/// A GraphQL.NET federation subgraph on Kestrel: trades, each pointing at its <c>Settlement</c> (an entity the REST
/// settlement source owns: <c>@key(fields: "tradeId", resolvable: false)</c> here) and at the FX <c>Rate</c> of its
/// currency pair (owned by the SOAP FX source the same way). Trade t3 has no settlement at the REST service, and its
/// pair (USD/JPY) no rate at the FX service; t1 and t4 share a pair.
/// </summary>
public sealed class TradesSubgraph : IAsyncDisposable
{
    private WebApplication _app = null!;

    public string Url { get; private set; } = "";

    public static async Task<TradesSubgraph> StartAsync()
    {
        var subgraph = new TradesSubgraph();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Subgraph.trades" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<TradesQuery>().AddSingleton<TradeType>().AddSingleton<SettlementReferenceType>().AddSingleton<RateReferenceType>();
        builder.Services.AddGraphQL(b => b.AddSchema<TradesSchema>().AddSystemTextJson().AddFederation("2.3"));
        var app = subgraph._app = builder.Build();
        app.MapPost("/graphql", HandleAsync);
        app.Services.GetRequiredService<ISchema>().Initialize();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        subgraph.Url = new Uri(new Uri(address), "/graphql").ToString();
        return subgraph;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
        var result = await context.RequestServices.GetRequiredService<IDocumentExecuter>().ExecuteAsync(o =>
        {
            o.Query = request?.Query;
            o.Variables = request?.Variables;
            o.RequestServices = context.RequestServices;
            o.CancellationToken = context.RequestAborted;
        });
        context.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    public sealed record Trade(string Id, string Symbol, string Pair);

    public sealed record SettlementReference(string TradeId);

    public sealed record RateReference(string Pair);

    private sealed class TradesSchema : Schema
    {
        public TradesSchema(IServiceProvider services)
            : base(services) => Query = services.GetRequiredService<TradesQuery>();
    }

    private sealed class TradesQuery : ObjectGraphType
    {
        public TradesQuery()
        {
            Name = "Query";
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<TradeType>>>>("trades")
                .Resolve(_ => new[] { new Trade("t1", "SAP", "EUR/USD"), new Trade("t2", "VOD", "GBP/USD"), new Trade("t3", "AAPL", "USD/JPY"), new Trade("t4", "SAP", "EUR/USD") });
        }
    }

    private sealed class TradeType : ObjectGraphType<Trade>
    {
        public TradeType()
        {
            Name = "Trade";
            this.Key("id");
            Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>));
            Field(t => t.Symbol);
            Field<SettlementReferenceType>("settlement").Resolve(context => new SettlementReference(context.Source.Id));
            Field<RateReferenceType>("fx").Resolve(context => new RateReference(context.Source.Pair));
        }
    }

    private sealed class RateReferenceType : ObjectGraphType<RateReference>
    {
        public RateReferenceType()
        {
            Name = "Rate";
            this.Key("pair", resolvable: false);
            Field(r => r.Pair);
        }
    }

    private sealed class SettlementReferenceType : ObjectGraphType<SettlementReference>
    {
        public SettlementReferenceType()
        {
            Name = "Settlement";
            this.Key("tradeId", resolvable: false);
            Field(s => s.TradeId);
        }
    }
}
