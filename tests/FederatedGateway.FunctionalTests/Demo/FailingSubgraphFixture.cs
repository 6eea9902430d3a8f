using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>The demo subgraphs plus a misbehaving stub; each test starts its own gateway with one subgraph pointed at trouble.</summary>
public sealed class FailingSubgraphFixture : IAsyncLifetime
{
    public DemoSubgraphHost Subgraphs { get; private set; } = null!;

    public StubSubgraph Stub { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        Subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        Stub = await StubSubgraph.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Stub.DisposeAsync();
        await Subgraphs.DisposeAsync();
        Http.Dispose();
    }

    /// <summary>A gateway (1 s subgraph timeout) over the demo subgraphs with <paramref name="subgraph"/> served from <paramref name="url"/>.</summary>
    public Task<GatewayHost> GatewayWith(string subgraph, string url) =>
        GatewayHost.StartAsync(
            GatewayHost.DemoUrls(Subgraphs, (subgraph, url)),
            new Dictionary<string, string> { ["SubgraphTimeout"] = "00:00:01" });
}
