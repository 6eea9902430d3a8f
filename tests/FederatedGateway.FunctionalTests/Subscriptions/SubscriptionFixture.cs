using System.Text.Json;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.FunctionalTests.Subscriptions;

/// <summary>
/// The real demo gateway (Kestrel) over the real demo subgraphs on loopback, with short subscription limits:
/// 1 s to initialise, 3 operations per connection, a keep-alive ping every second.
/// </summary>
public sealed class SubscriptionFixture : IAsyncLifetime
{
    public const int MaxOperations = 3;

    public const string OrderUpdates = """
        subscription Updates($trader: ID) {
          orderStatusChanged(traderId: $trader) {
            id status
            trader { id name }
            instrument { symbol name lastPrice currency }
            notional { amount currency }
          }
        }
        """;

    public DemoSubgraphHost Subgraphs { get; private set; } = null!;

    public WebApplication Gateway { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Endpoint => DemoGateway.Address(Gateway) + "/graphql";

    public int OrdersSubscriptions => Subgraphs.ActiveSubscriptions(DemoSubgraphNames.Orders);

    public async Task InitializeAsync()
    {
        Subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        Gateway = await DemoGateway.StartAsync(Subgraphs, "http://127.0.0.1:0", Arguments);
    }

    public static string[] Arguments =>
    [
        // Long enough that a busy test machine still gets connection_init processed in time (1 s closed a
        // healthy connection with 4408 in 2 of 29 runs), short enough for the 4408 test to wait out.
        "--Gateway:Subscriptions:ConnectionInitTimeout", "00:00:03",
        "--Gateway:Subscriptions:MaxSubscriptionsPerConnection", MaxOperations.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Gateway:Subscriptions:KeepAliveInterval", "00:00:01",
        "--Gateway:Subscriptions:MaxMessageSize", "4096",
    ];

    public async Task DisposeAsync()
    {
        await Gateway.StopAsync();
        await Gateway.DisposeAsync();
        await Subgraphs.DisposeAsync();
        Http.Dispose();
    }

    public async Task<string> PlaceOrderAsync(string traderId, string symbol = "SAP", int quantity = 5)
    {
        var response = await GraphQLHttp.PostAsync(Http, Endpoint,
            "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }",
            new { input = new { traderId, symbol, side = "BUY", quantity, limitPrice = 180.0 } });
        return response.AssertNoErrors().Data.GetProperty("placeOrder").GetProperty("id").GetString()!;
    }

    public async Task CancelOrderAsync(string id)
    {
        var response = await GraphQLHttp.PostAsync(Http, Endpoint, "mutation($id: ID!) { cancelOrder(id: $id) { id } }", new { id });
        response.AssertNoErrors();
    }

    /// <summary>Waits (bounded) until the orders subgraph serves exactly <paramref name="count"/> subscriptions.</summary>
    public Task WaitForOrdersSubscriptionsAsync(int count) =>
        Eventually(() => Task.FromResult(OrdersSubscriptions == count), $"orders subgraph subscriptions == {count} (now {OrdersSubscriptions})");

    public static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TransportWsClient.Wait;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what);
            await Task.Delay(20);
        }
    }

    public static JsonElement Event(JsonElement message)
    {
        Assert.Equal("next", message.GetProperty("type").GetString());
        var payload = message.GetProperty("payload");
        Assert.False(payload.TryGetProperty("errors", out _), payload.GetRawText());
        return payload.GetProperty("data").GetProperty("orderStatusChanged");
    }
}
