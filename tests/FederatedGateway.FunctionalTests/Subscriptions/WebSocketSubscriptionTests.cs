using System.Text.Json;
using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Subscriptions;

/// <summary>graphql-transport-ws against the real gateway and subgraphs: events joined across subgraphs, cleanup, limits.</summary>
public sealed class WebSocketSubscriptionTests : IClassFixture<SubscriptionFixture>
{
    private readonly SubscriptionFixture _demo;

    public WebSocketSubscriptionTests(SubscriptionFixture demo) => _demo = demo;

    [Fact]
    public async Task Events_carry_data_from_orders_accounts_and_portfolio_and_complete_ends_the_subgraph_subscription()
    {
        await _demo.WaitForOrdersSubscriptionsAsync(0);
        await using var client = await TransportWsClient.ConnectAndInitAsync(_demo.Endpoint);
        await client.SubscribeAsync("s1", SubscriptionFixture.OrderUpdates, new { trader = "t2" });
        await _demo.WaitForOrdersSubscriptionsAsync(1);

        var id = await _demo.PlaceOrderAsync("t2");
        var placed = SubscriptionFixture.Event(await client.ReceiveAsync());
        await _demo.CancelOrderAsync(id);
        var cancelled = SubscriptionFixture.Event(await client.ReceiveAsync());

        Assert.Equal(id, placed.GetProperty("id").GetString());
        Assert.Equal("OPEN", placed.GetProperty("status").GetString());
        Assert.Equal("CANCELLED", cancelled.GetProperty("status").GetString());
        foreach (var order in new[] { placed, cancelled })
        {
            Assert.Equal("Grace Hopper", order.GetProperty("trader").GetProperty("name").GetString()); // accounts
            Assert.Equal(182.4, order.GetProperty("instrument").GetProperty("lastPrice").GetDouble()); // portfolio
            Assert.Equal("SAP SE", order.GetProperty("instrument").GetProperty("name").GetString()); // orders @provides
            Assert.Equal(912, order.GetProperty("notional").GetProperty("amount").GetDouble()); // orders @requires portfolio
            Assert.Equal("EUR", order.GetProperty("notional").GetProperty("currency").GetString());
        }

        await client.SendAsync(new { id = "s1", type = "complete" });
        await _demo.WaitForOrdersSubscriptionsAsync(0);

        // The connection lives on: the id is free again and pings are answered.
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_client_that_disappears_ends_its_subgraph_subscriptions()
    {
        await _demo.WaitForOrdersSubscriptionsAsync(0);
        var client = await TransportWsClient.ConnectAndInitAsync(_demo.Endpoint);
        await client.SubscribeAsync("a", SubscriptionFixture.OrderUpdates, new { trader = "t3" });
        await client.SubscribeAsync("b", SubscriptionFixture.OrderUpdates, new { trader = "t1" });
        await _demo.WaitForOrdersSubscriptionsAsync(2);

        client.Abort();
        await _demo.WaitForOrdersSubscriptionsAsync(0);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Queries_and_mutations_answer_once_then_complete()
    {
        await using var client = await TransportWsClient.ConnectAndInitAsync(_demo.Endpoint);
        await client.SubscribeAsync("q", "{ order(id: \"o-1001\") { id trader { name } instrument { lastPrice } } }");
        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("q", next.GetProperty("id").GetString());
        var order = next.GetProperty("payload").GetProperty("data").GetProperty("order");
        Assert.Equal("Ada Lovelace", order.GetProperty("trader").GetProperty("name").GetString());
        Assert.Equal(189.25, order.GetProperty("instrument").GetProperty("lastPrice").GetDouble());
        var complete = await client.ReceiveAsync();
        Assert.Equal("complete", complete.GetProperty("type").GetString());
        Assert.Equal("q", complete.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_invalid_subscription_gets_an_error_message_and_the_connection_stays_open()
    {
        await using var client = await TransportWsClient.ConnectAndInitAsync(_demo.Endpoint);
        await client.SubscribeAsync("bad", "subscription { orderStatusChanged { noSuchField } }");
        var error = await client.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("bad", error.GetProperty("id").GetString());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());

        await client.SubscribeAsync("two", "subscription { a: orderStatusChanged { id } b: orderStatusChanged { id } }");
        Assert.Equal("error", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Operations_beyond_the_cap_get_an_error_message_not_a_closed_connection()
    {
        await _demo.WaitForOrdersSubscriptionsAsync(0);
        await using var client = await TransportWsClient.ConnectAndInitAsync(_demo.Endpoint);
        for (var i = 0; i < SubscriptionFixture.MaxOperations; i++)
        {
            await client.SubscribeAsync("cap" + i, SubscriptionFixture.OrderUpdates, new { trader = "t3" });
        }

        await client.SubscribeAsync("over", SubscriptionFixture.OrderUpdates, new { trader = "t3" });
        var error = await client.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("over", error.GetProperty("id").GetString());
        Assert.Equal("SUBSCRIPTION_LIMIT_EXCEEDED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());

        // Completing one makes room again.
        await client.SendAsync(new { id = "cap0", type = "complete" });
        await _demo.WaitForOrdersSubscriptionsAsync(SubscriptionFixture.MaxOperations - 1);
        await client.SubscribeAsync("again", SubscriptionFixture.OrderUpdates, new { trader = "t3" });
        await _demo.WaitForOrdersSubscriptionsAsync(SubscriptionFixture.MaxOperations);
    }

    [Fact]
    public async Task No_connection_init_in_time_closes_with_4408()
    {
        await using var client = await TransportWsClient.ConnectAsync(_demo.Endpoint);
        Assert.Equal(4408, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_second_subscribe_with_a_running_id_closes_with_4409_and_ends_the_first()
    {
        await _demo.WaitForOrdersSubscriptionsAsync(0);
        var client = await TransportWsClient.ConnectAndInitAsync(_demo.Endpoint);
        await client.SubscribeAsync("same", SubscriptionFixture.OrderUpdates, new { trader = "t1" });
        await client.SubscribeAsync("same", SubscriptionFixture.OrderUpdates, new { trader = "t1" });
        Assert.Equal(4409, await client.ClosedWithAsync());
        await _demo.WaitForOrdersSubscriptionsAsync(0);
        await client.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"id":"x","type":"subscribe","payload":{"query":"{ __typename }"}}""", false, 4401)]
    [InlineData("""{"type":"connection_init"}""", true, 4429)]
    [InlineData("""not json""", true, 4400)]
    [InlineData("""{"type":"unheard_of"}""", true, 4400)]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ __typename }"}}""", true, 4400)]
    [InlineData("""{"id":"x","type":"subscribe","payload":{"query":42}}""", true, 4400)]
    public async Task Protocol_violations_close_with_their_code(string message, bool initialised, int code)
    {
        await using var client = initialised
            ? await TransportWsClient.ConnectAndInitAsync(_demo.Endpoint)
            : await TransportWsClient.ConnectAsync(_demo.Endpoint);
        await client.SendTextAsync(message);
        Assert.Equal(code, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009()
    {
        await using var client = await TransportWsClient.ConnectAndInitAsync(_demo.Endpoint);
        await client.SubscribeAsync("big", "{ __typename " + new string(' ', 8000) + "}");
        Assert.Equal(1009, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task Without_the_graphql_transport_ws_subprotocol_the_socket_is_closed_with_4406()
    {
        await using var client = await TransportWsClient.ConnectAsync(_demo.Endpoint, subprotocol: null);
        Assert.Equal(4406, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task The_server_pings_and_the_connection_survives_answering()
    {
        await using var client = await TransportWsClient.ConnectAndInitAsync(_demo.Endpoint);
        var ping = await client.ReceiveOrCloseAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("ping", ping!.Value.GetProperty("type").GetString());
        await client.SendAsync(new { type = "pong" });
        await client.SubscribeAsync("after", "{ __typename }");
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_subscription_over_plain_POST_is_refused_with_a_clear_error()
    {
        var response = await GraphQLHttp.PostAsync(_demo.Http, _demo.Endpoint, "subscription { orderStatusChanged { id } }", accept: GraphQLHttp.GraphQLResponseJson);
        Assert.Equal(400, response.Status);
        var error = Assert.Single(response.Errors);
        Assert.Equal("SUBSCRIPTIONS_NOT_SUPPORTED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("text/event-stream", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("graphql-transport-ws", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
