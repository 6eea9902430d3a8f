using System.Text;
using System.Text.Json;
using FederatedGateway.Demo;
using FederatedGateway.Demo.Grpc;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Sources;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Sources;

namespace FederatedGateway.Grpc.Tests;

/// <summary>The demo's live-quote subscription: a server-streaming RPC feeding a GraphQL subscription through the gateway.</summary>
public sealed class DemoSubscriptionTests : IAsyncLifetime
{
    private DemoGrpcHost _grpc = null!;
    private GrpcSubgraphClient _client = null!;
    private FederatedGatewayExecutor _executor = null!;

    public async Task InitializeAsync()
    {
        _grpc = await DemoGrpcServices.StartAsync(DemoGrpcPorts.Ephemeral);
        var sources = new GrpcSourceRegistry();
        foreach (var service in _grpc.Services)
        {
            sources.Add(service.Name, DemoGrpcHost.SourceDefinition(service.Name));
        }

        _client = new GrpcSubgraphClient(sources);
        var overrides = _grpc.Services.ToDictionary(s => s.Name, s => s.Url.ToString());
        var client = _client;
        var snapshot = GatewaySnapshot.Build(
            await File.ReadAllTextAsync(DemoGateway.SupergraphWithGrpcPath), [new HttpSubgraphClientFactory(), new GrpcSubgraphClientFactory(() => client)], overrides);
        _executor = new FederatedGatewayExecutor(snapshot);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _grpc.DisposeAsync();
    }

    [Fact]
    public async Task Live_quotes_stream_through_the_gateway_one_event_per_message()
    {
        using var variables = JsonDocument.Parse("{\"symbols\":[\"AAPL\",\"MSFT\"]}");
        var stream = await _executor.StartAsync(
            new GatewayRequest
            {
                Query = "subscription Live($symbols: [String!]) { quotes(symbols: $symbols, limit: 2, interval: \"0.02s\") { symbol last time } }",
                Variables = variables.RootElement,
            },
            CancellationToken.None);
        Assert.Null(stream.Rejection);
        var events = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var message in stream.Messages.WithCancellation(timeout.Token))
        {
            Assert.Equal(GatewayMessageKind.Next, message.Kind);
            events.Add(Encoding.UTF8.GetString(message.Payload.Span));
        }

        Assert.Equal(
            [
                "{\"data\":{\"quotes\":{\"symbol\":\"AAPL\",\"last\":188.6822,\"time\":\"2026-11-27T14:30:00Z\"}}}",
                "{\"data\":{\"quotes\":{\"symbol\":\"MSFT\",\"last\":413.8547,\"time\":\"2026-11-27T14:30:00Z\"}}}",
                "{\"data\":{\"quotes\":{\"symbol\":\"AAPL\",\"last\":188.8715,\"time\":\"2026-11-27T14:30:01Z\"}}}",
                "{\"data\":{\"quotes\":{\"symbol\":\"MSFT\",\"last\":414.2698,\"time\":\"2026-11-27T14:30:01Z\"}}}",
            ],
            events);
        Assert.Equal(1, _grpc.Calls.Count("StreamQuotes"));
    }

    [Fact]
    public async Task Stopping_the_client_cancels_the_stream()
    {
        var stream = await _executor.StartAsync(
            new GatewayRequest { Query = "subscription { quotes(symbols: [\"TLT\"], interval: \"0.01s\") { last } }" }, CancellationToken.None);
        var received = 0;
        using var stop = new CancellationTokenSource();
        try
        {
            await foreach (var message in stream.Messages.WithCancellation(stop.Token))
            {
                if (++received == 3)
                {
                    await stop.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Equal(3, received);
    }
}
