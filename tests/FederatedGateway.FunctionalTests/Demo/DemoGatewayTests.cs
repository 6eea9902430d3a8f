using System.Text.Json;
using FederatedGateway.Demo;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Transport;
using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>
/// The gateway pipeline in-process (no HTTP layer in front) with the real <see cref="HttpSubgraphClient"/> against
/// the real demo subgraphs (Kestrel on loopback).
/// </summary>
public sealed class DemoGatewayTests : IAsyncLifetime
{
    private readonly HttpSubgraphClient _client = new();
    private DemoSubgraphHost? _host;
    private FederatedGatewayExecutor? _gateway;

    public async Task InitializeAsync()
    {
        _host = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var overrides = _host.Subgraphs.ToDictionary(s => s.Name, s => s.Url.ToString());
        var sdl = await File.ReadAllTextAsync(TestPaths.Schemas("supergraph.graphql"));
        _gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(sdl, _client, overrides));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _client.Dispose();
    }

    private async Task<JsonElement> Run(string query, string? variables = null)
    {
        using var vars = JsonDocument.Parse(variables ?? "{}");
        var result = await _gateway!.ExecuteAsync(new GatewayRequest { Query = query, Variables = vars.RootElement.Clone() }, CancellationToken.None);
        using var document = JsonDocument.Parse(result.Body);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task SpanningQueryCombinesEverySubgraph()
    {
        var body = await Run("""
            query TraderDashboard($status: OrderStatus) {
              me {
                name
                desk
                positions { quantity instrument { symbol lastPrice currency } marketValue { amount currency } }
                orders(status: $status) { id side instrument { symbol name } notional { amount currency } }
                remainingOrderCapacity
              }
            }
            """, """{"status":"OPEN"}""");

        JsonAssert.Equal("""
            {"data":{"me":{"name":"Ada Lovelace","desk":"Equities",
              "positions":[
                {"quantity":150,"instrument":{"symbol":"AAPL","lastPrice":189.25,"currency":"USD"},"marketValue":{"amount":28387.5,"currency":"USD"}},
                {"quantity":40,"instrument":{"symbol":"MSFT","lastPrice":415.1,"currency":"USD"},"marketValue":{"amount":16604,"currency":"USD"}},
                {"quantity":200,"instrument":{"symbol":"TLT","lastPrice":92.3,"currency":"USD"},"marketValue":{"amount":18460,"currency":"USD"}}],
              "orders":[
                {"id":"o-1001","side":"BUY","instrument":{"symbol":"AAPL","name":"Apple Inc."},"notional":{"amount":9462.5,"currency":"USD"}},
                {"id":"o-1002","side":"SELL","instrument":{"symbol":"MSFT","name":"Microsoft Corporation"},"notional":{"amount":4151,"currency":"USD"}}],
              "remainingOrderCapacity":3}}}
            """, body);
    }
}
