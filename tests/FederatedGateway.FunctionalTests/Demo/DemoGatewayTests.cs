using System.Text;
using System.Text.Json;
using FederatedGateway.Demo;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>The gateway pipeline against the real demo subgraphs (Kestrel on loopback).</summary>
public sealed class DemoGatewayTests : IAsyncLifetime
{
    private DemoSubgraphHost? _host;
    private FederatedGatewayExecutor? _gateway;

    public async Task InitializeAsync()
    {
        _host = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var overrides = _host.Subgraphs.ToDictionary(s => s.Name, s => s.Url.ToString());
        var sdl = await File.ReadAllTextAsync(TestPaths.Schemas("supergraph.graphql"));
        _gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(sdl, new FederatedGateway.Execution.Transport.HttpSubgraphClient(), overrides));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<JsonDocument> Run(string query, string? variables = null)
    {
        using var vars = JsonDocument.Parse(variables ?? "{}");
        var result = await _gateway!.ExecuteAsync(new GatewayRequest { Query = query, Variables = vars.RootElement.Clone() }, CancellationToken.None);
        return JsonDocument.Parse(result.Body);
    }

    [Fact]
    public async Task SpanningQueryCombinesEverySubgraph()
    {
        using var doc = await Run("""
            query TraderDashboard {
              me {
                name
                desk
                positions { quantity instrument { symbol name lastPrice currency } marketValue { amount currency } }
                orders(status: OPEN) { id side instrument { symbol name } notional { amount currency } }
                remainingOrderCapacity
              }
            }
            """);
        var text = doc.RootElement.GetRawText();
        Assert.False(doc.RootElement.TryGetProperty("errors", out _), text);
        var me = doc.RootElement.GetProperty("data").GetProperty("me");
        Assert.Equal("Ada Lovelace", me.GetProperty("name").GetString());
        Assert.Equal("AAPL", me.GetProperty("positions")[0].GetProperty("instrument").GetProperty("symbol").GetString());
        Assert.Equal(189.25, me.GetProperty("positions")[0].GetProperty("instrument").GetProperty("lastPrice").GetDouble());
        var order = me.GetProperty("orders")[0];
        Assert.Equal(JsonValueKind.Number, order.GetProperty("notional").GetProperty("amount").ValueKind);
        Assert.Equal(JsonValueKind.Number, me.GetProperty("remainingOrderCapacity").ValueKind);
        Assert.False(me.TryGetProperty("id", out _), "keys the client did not ask for must not leak");
        Assert.False(me.TryGetProperty("__typename", out _));
    }
}
