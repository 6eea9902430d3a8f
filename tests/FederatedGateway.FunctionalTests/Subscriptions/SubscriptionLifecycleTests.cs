using System.Text.Json;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Subscriptions;

/// <summary>
/// Subscriptions across a supergraph reload (they keep the snapshot they started on) and across a server shutdown
/// (completed, socket closed with 1001, subgraph subscriptions ended), each on its own gateway.
/// </summary>
public sealed class SubscriptionLifecycleTests : IClassFixture<SubscriptionFixture>
{
    private readonly SubscriptionFixture _demo;

    public SubscriptionLifecycleTests(SubscriptionFixture demo) => _demo = demo;

    [Fact]
    public async Task A_running_subscription_keeps_its_snapshot_when_the_reloaded_supergraph_drops_its_field()
    {
        await _demo.WaitForOrdersSubscriptionsAsync(0);
        var directory = Directory.CreateTempSubdirectory("fgw-subscriptions-");
        try
        {
            var supergraph = Path.Combine(directory.FullName, "supergraph.graphql");
            var original = await File.ReadAllTextAsync(DemoGateway.SupergraphPath);
            await File.WriteAllTextAsync(supergraph, original);
            await using var gateway = await GatewayHost.StartAsync(GatewayHost.DemoUrls(_demo.Subgraphs),
                new Dictionary<string, string> { ["SupergraphPath"] = supergraph, ["WatchSupergraph"] = "true", ["Introspection"] = "true" });

            await using var client = await TransportWsClient.ConnectAndInitAsync(gateway.Endpoint);
            await client.SubscribeAsync("kept", SubscriptionFixture.OrderUpdates, new { trader = "t1" });
            await _demo.WaitForOrdersSubscriptionsAsync(1);

            await File.WriteAllTextAsync(supergraph, WithoutSubscriptions(original));
            await SubscriptionFixture.Eventually(() => SubscriptionTypeIsGoneAsync(gateway.Endpoint), "the reload to drop Subscription");
            await using (var late = await TransportWsClient.ConnectAndInitAsync(gateway.Endpoint))
            {
                await late.SubscribeAsync("late", "subscription { orderStatusChanged { id } }");
                var refused = await late.ReceiveAsync();
                Assert.Equal("error", refused.GetProperty("type").GetString());
                Assert.Equal("GRAPHQL_VALIDATION_FAILED", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
            }

            // The old subscription still runs, with its entity fetches, on the schema it started with.
            var id = await _demo.PlaceOrderAsync("t1", "MSFT", 1);
            var placed = SubscriptionFixture.Event(await client.ReceiveAsync());
            Assert.Equal(id, placed.GetProperty("id").GetString());
            Assert.Equal("Ada Lovelace", placed.GetProperty("trader").GetProperty("name").GetString());
            Assert.Equal(415.1, placed.GetProperty("instrument").GetProperty("lastPrice").GetDouble());

            await client.SendAsync(new { id = "kept", type = "complete" });
            await _demo.WaitForOrdersSubscriptionsAsync(0);
            Assert.DoesNotContain(gateway.Logs.AtLeast(LogLevel.Warning), e => !e.Category.Contains("Loading", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Shutdown_completes_every_subscription_closes_with_1001_and_ends_the_subgraph_subscriptions()
    {
        await _demo.WaitForOrdersSubscriptionsAsync(0);
        var gateway = await GatewayHost.StartAsync(GatewayHost.DemoUrls(_demo.Subgraphs));
        await using var client = await TransportWsClient.ConnectAndInitAsync(gateway.Endpoint);
        await client.SubscribeAsync("one", SubscriptionFixture.OrderUpdates, new { trader = "t2" });
        await client.SubscribeAsync("two", SubscriptionFixture.OrderUpdates, new { trader = "t3" });
        await _demo.WaitForOrdersSubscriptionsAsync(2);

        var stopping = gateway.DisposeAsync().AsTask();
        var completed = new HashSet<string>();
        while (await client.ReceiveOrCloseAsync() is { } message)
        {
            if (message.GetProperty("type").GetString() == "complete")
            {
                completed.Add(message.GetProperty("id").GetString()!);
            }
        }

        Assert.Equal(["one", "two"], completed.Order());
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, client.CloseStatus);
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));
        await _demo.WaitForOrdersSubscriptionsAsync(0);
    }

    /// <summary>Asks by introspection (on in that test's gateway: a Production host has it off by default).</summary>
    private async Task<bool> SubscriptionTypeIsGoneAsync(string endpoint)
    {
        var response = await GraphQLHttp.PostAsync(_demo.Http, endpoint, "{ __schema { subscriptionType { name } } }");
        return response.AssertNoErrors().Data.GetProperty("__schema").GetProperty("subscriptionType").ValueKind == JsonValueKind.Null;
    }

    /// <summary>The supergraph without its subscription root (as if the orders team had removed the field).</summary>
    private static string WithoutSubscriptions(string supergraph)
    {
        var text = supergraph.Replace("  subscription: Subscription\n", string.Empty, StringComparison.Ordinal);
        var start = text.IndexOf("type Subscription", StringComparison.Ordinal);
        var end = text.IndexOf("\n}\n", start, StringComparison.Ordinal) + 3;
        return text.Remove(start, end - start);
    }
}
