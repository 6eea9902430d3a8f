using System.Collections.Concurrent;
using System.Diagnostics;
using FederatedGateway.Execution.Telemetry;
using FederatedGateway.Grpc.Tests.Infrastructure;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// The trace context of the request being served (in the gateway: ASP.NET Core's activity, built from the client's
/// <c>traceparent</c>, <c>tracestate</c> and <c>baggage</c>) is not written into gRPC calls as metadata; the gateway's
/// own fetch span is, when something listens to the gateway's activity source. (One class: its tests must not overlap,
/// since a listener is process-wide.)
/// </summary>
public sealed class TraceContextTests(KitchenFixture fixture) : IClassFixture<KitchenFixture>
{
    [Fact]
    public async Task The_current_activitys_trace_headers_do_not_reach_the_service()
    {
        using var activity = new Activity("incoming request")
            .SetParentId("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .AddBaggage("role", "admin");
        activity.TraceStateString = "vendor=secret";
        activity.Start();
        fixture.Server.Calls.LastHeaders.Clear();

        var answer = await fixture.Gateway.QueryAsync("{ getItem(id: \"t\") { id } }");

        Assert.Equal("t", CodecTests.Data(answer).GetProperty("getItem").GetProperty("id").GetString());
        Assert.NotEmpty(fixture.Server.Calls.LastHeaders);
        foreach (var name in new[] { "traceparent", "tracestate", "baggage", "request-id", "correlation-context" })
        {
            Assert.DoesNotContain(name, fixture.Server.Calls.LastHeaders.Keys);
        }
    }

    [Fact]
    public async Task With_a_listener_the_service_gets_the_fetch_spans_trace_context_and_each_rpc_is_a_span()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GatewayTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        fixture.Server.Calls.LastHeaders.Clear();

        var answer = await fixture.Gateway.QueryAsync("{ getItem(id: \"t\") { id } }");

        Assert.Equal("t", CodecTests.Data(answer).GetProperty("getItem").GetProperty("id").GetString());
        var parts = fixture.Server.Calls.LastHeaders["traceparent"].Split('-');
        var fetch = spans.Single(s => s.OperationName == "graphql.fetch" && s.SpanId.ToHexString() == parts[2]);
        Assert.Equal(fetch.TraceId.ToHexString(), parts[1]);
        Assert.Equal("grpc", fetch.GetTagItem("graphql.gateway.source.kind"));
        var rpc = spans.Single(s => s.ParentSpanId == fetch.SpanId);
        Assert.Equal(ActivityKind.Client, rpc.Kind);
        Assert.Equal("grpc", rpc.GetTagItem("rpc.system"));
        Assert.Equal("GetItem", rpc.GetTagItem("rpc.method"));
        Assert.Equal(0, rpc.GetTagItem("rpc.grpc.status_code"));
    }
}
