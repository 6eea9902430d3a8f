using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Subscriptions;

/// <summary>graphql-sse distinct connections against the real gateway and subgraphs.</summary>
public sealed class SseSubscriptionTests : IClassFixture<SubscriptionFixture>
{
    private readonly SubscriptionFixture _demo;

    public SseSubscriptionTests(SubscriptionFixture demo) => _demo = demo;

    [Fact]
    public async Task A_subscription_streams_joined_events_and_leaving_ends_the_subgraph_subscription()
    {
        await _demo.WaitForOrdersSubscriptionsAsync(0);
        var stream = await SseClient.PostAsync(_demo.Http, _demo.Endpoint, SubscriptionFixture.OrderUpdates, new { trader = "t3" });
        Assert.Equal(200, (int)stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        await _demo.WaitForOrdersSubscriptionsAsync(1);

        var id = await _demo.PlaceOrderAsync("t3", "NVDA", 2);
        var placed = (await stream.NextDataAsync()).GetProperty("data").GetProperty("orderStatusChanged");
        Assert.Equal(id, placed.GetProperty("id").GetString());
        Assert.Equal("Alan Turing", placed.GetProperty("trader").GetProperty("name").GetString());
        Assert.Equal(121.4, placed.GetProperty("instrument").GetProperty("lastPrice").GetDouble());
        Assert.Equal(242.8, placed.GetProperty("notional").GetProperty("amount").GetDouble(), 6);

        await stream.DisposeAsync();
        await _demo.WaitForOrdersSubscriptionsAsync(0);
    }

    [Fact]
    public async Task A_query_is_one_next_event_then_complete()
    {
        await using var stream = await SseClient.PostAsync(_demo.Http, _demo.Endpoint, "{ order(id: \"o-1004\") { id trader { name } } }");
        var data = await stream.NextDataAsync();
        Assert.Equal("Grace Hopper", data.GetProperty("data").GetProperty("order").GetProperty("trader").GetProperty("name").GetString());
        var complete = await stream.NextEventAsync();
        Assert.Equal("complete", complete?.Event);
        Assert.Null(await stream.NextEventAsync());
    }

    [Fact]
    public async Task A_GET_subscription_works_like_EventSource_does()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _demo.Endpoint + "?query=" + Uri.EscapeDataString("{ __typename }"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await _demo.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("event: next\ndata: {\"data\":{\"__typename\":\"Query\"}}\n\nevent: complete\ndata: \n\n", body);
    }

    [Fact]
    public async Task An_invalid_operation_is_a_400_with_JSON_errors_before_any_stream()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _demo.Endpoint)
        {
            Content = new StringContent("""{"query":"subscription { orderStatusChanged { nope } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await _demo.Http.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unreachable_subgraph_ends_the_stream_with_errors_then_complete()
    {
        await using var gateway = await GatewayHost.StartAsync(
            GatewayHost.DemoUrls(_demo.Subgraphs, ("orders", $"http://127.0.0.1:{LoopbackPorts.Closed()}/graphql")));
        await using var stream = await SseClient.PostAsync(_demo.Http, gateway.Endpoint, SubscriptionFixture.OrderUpdates);
        var errors = (await stream.NextDataAsync()).GetProperty("errors");
        Assert.Equal("SUBSCRIPTION_SUBGRAPH_FAILED", errors[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("orders", errors[0].GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.Equal("complete", (await stream.NextEventAsync())?.Event);
    }
}
