using System.Text;
using System.Text.Json;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests;

/// <summary>Server-streaming RPCs as subscription fields: each message is one GraphQL response.</summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task Each_streamed_message_is_one_response_shaped_by_the_selection()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<KitchenService>());
        using var client = new GrpcSubgraphClient(new GrpcSourceRegistry().Add("kitchen", TestSchemas.Kitchen(), server.Url));
        var events = await CollectAsync(client, server.Url, "subscription($id: String) { items: watchItems(id: $id) { id n: count __typename } }", "{\"id\":\"w\"}");
        Assert.Equal(
            [
                "Next: {\"data\":{\"items\":{\"id\":\"w0\",\"n\":0,\"__typename\":\"Item\"}}}",
                "Next: {\"data\":{\"items\":{\"id\":\"w1\",\"n\":1,\"__typename\":\"Item\"}}}",
                "Next: {\"data\":{\"items\":{\"id\":\"w2\",\"n\":2,\"__typename\":\"Item\"}}}",
            ],
            events);
    }

    [Fact]
    public async Task A_failing_stream_ends_with_one_status_coded_error()
    {
        var url = "grpc://127.0.0.1:1";
        using var client = new GrpcSubgraphClient(new GrpcSourceRegistry().Add("kitchen", TestSchemas.Kitchen(), url));
        var events = await CollectAsync(client, url, "subscription { watchItems(id: \"x\") { id } }", "{}");
        var error = JsonDocument.Parse(Assert.Single(events)[7..]).RootElement.GetProperty("errors")[0];
        Assert.Equal("UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_subscription_on_a_unary_field_is_refused()
    {
        var url = "grpc://127.0.0.1:1";
        using var client = new GrpcSubgraphClient(new GrpcSourceRegistry().Add("kitchen", TestSchemas.Kitchen(), url));
        var events = await CollectAsync(client, url, "query { getItem(id: \"x\") { id } }", "{}");
        Assert.StartsWith("Error: ", Assert.Single(events), StringComparison.Ordinal);
        Assert.Contains(GrpcStatusCodes.PlanFailed, events[0], StringComparison.Ordinal);
    }

    internal static async Task<List<string>> CollectAsync(GrpcSubgraphClient client, string url, string query, string variables, string serviceName = "kitchen")
    {
        var body = Encoding.UTF8.GetBytes($"{{\"query\":{JsonSerializer.Serialize(query)},\"variables\":{variables}}}");
        var events = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var received in client.SubscribeAsync(new SubgraphRequest(serviceName, url, body), timeout.Token))
        {
            using (received)
            {
                events.Add(received.Kind + ": " + Encoding.UTF8.GetString(received.Response.Body.Span));
            }
        }

        return events;
    }
}
