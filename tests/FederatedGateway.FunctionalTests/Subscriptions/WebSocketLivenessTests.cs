using System.Diagnostics;
using System.Net.WebSockets;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.FunctionalTests.Subscriptions;

/// <summary>
/// WebSocket liveness against the real gateway: a client that stops reading gets no traffic heavy enough to fill its
/// socket buffers (one quiet subscription), so only the protocol ping frame, which its WebSocket stack answers only
/// while it reads, can find it out. Ping every second, 1 s to answer.
/// </summary>
public sealed class WebSocketLivenessTests : IAsyncLifetime
{
    private DemoSubgraphHost _subgraphs = null!;
    private WebApplication _gateway = null!;

    private string Endpoint => DemoGateway.Address(_gateway) + "/graphql";

    private int OrdersSubscriptions => _subgraphs.ActiveSubscriptions(DemoSubgraphNames.Orders);

    public async Task InitializeAsync()
    {
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        _gateway = await DemoGateway.StartAsync(_subgraphs, "http://127.0.0.1:0",
        [
            "--Gateway:Subscriptions:WebSocketPingInterval", "00:00:01",
            "--Gateway:Subscriptions:WebSocketPongTimeout", "00:00:01",
            "--Gateway:Subscriptions:KeepAliveInterval", "00:00:00",
        ]);
    }

    public async Task DisposeAsync()
    {
        await _gateway.StopAsync();
        await _gateway.DisposeAsync();
        await _subgraphs.DisposeAsync();
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_dropped_and_its_subgraph_subscription_ends()
    {
        await using var client = await TransportWsClient.ConnectAndInitAsync(Endpoint);
        await client.SubscribeAsync("s1", SubscriptionFixture.OrderUpdates, new { trader = "t2" });
        await SubscriptionFixture.Eventually(() => Task.FromResult(OrdersSubscriptions == 1), "one orders subscription");

        // From here the client reads nothing: its pong never goes out.
        var clock = Stopwatch.StartNew();
        await SubscriptionFixture.Eventually(() => Task.FromResult(OrdersSubscriptions == 0), "the stalled client's subscription ended");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"dropped after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(await EndedByServerAsync(client), "the server ended the connection");
    }

    [Fact]
    public async Task A_client_that_reads_stays_connected_through_many_pings()
    {
        await using var client = await TransportWsClient.ConnectAndInitAsync(Endpoint);
        await client.SubscribeAsync("s1", SubscriptionFixture.OrderUpdates, new { trader = "t2" });
        await SubscriptionFixture.Eventually(() => Task.FromResult(OrdersSubscriptions == 1), "one orders subscription");

        // A pending receive answers each ping; nothing else arrives in 5 s (5 pings).
        _ = client.ReceiveOrCloseAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(5));

        Assert.Equal(WebSocketState.Open, client.State);
        Assert.Equal(1, OrdersSubscriptions);
    }

    private static async Task<bool> EndedByServerAsync(TransportWsClient client)
    {
        try
        {
            return await client.ReceiveOrCloseAsync(TimeSpan.FromSeconds(5)) is null;
        }
        catch (WebSocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
