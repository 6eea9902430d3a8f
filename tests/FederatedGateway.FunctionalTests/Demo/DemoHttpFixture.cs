using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>
/// The real gateway (<see cref="DemoGateway"/>, Kestrel) over the real demo subgraphs, all on 127.0.0.1 with
/// ports chosen by the OS. One instance per test class (fresh seed data per class).
/// </summary>
public sealed class DemoHttpFixture : IAsyncLifetime
{
    public DemoSubgraphHost Subgraphs { get; private set; } = null!;

    public WebApplication Gateway { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Endpoint => DemoGateway.Address(Gateway) + "/graphql";

    public async Task InitializeAsync()
    {
        Subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        Gateway = await DemoGateway.StartAsync(Subgraphs, "http://127.0.0.1:0");
    }

    public async Task DisposeAsync()
    {
        await Gateway.StopAsync();
        await Gateway.DisposeAsync();
        await Subgraphs.DisposeAsync();
        Http.Dispose();
    }

    public Task<GraphQLHttpResponse> PostAsync(string query, object? variables = null, string accept = "application/json") =>
        GraphQLHttp.PostAsync(Http, Endpoint, query, variables, accept: accept);

    public Task<GraphQLHttpResponse> GetAsync(string query, object? variables = null, string accept = "application/json") =>
        GraphQLHttp.GetAsync(Http, Endpoint, query, variables, accept);
}
