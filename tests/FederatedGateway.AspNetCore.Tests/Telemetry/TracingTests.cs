using System.Diagnostics;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.AspNetCore.Tests.Telemetry;

/// <summary>Spans of real requests through a real gateway to real subgraphs, collected by an in-memory exporter.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TracingTests
{
    private const string ClientTraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string ClientSpanId = "b7ad6b7169203331";

    private static Dictionary<string, string?> Settings(bool trustClient = false, bool recordDocument = false) => new()
    {
        ["Gateway:Telemetry:TracingEnabled"] = "true",
        ["Gateway:Telemetry:TrustClientTraceContext"] = trustClient ? "true" : "false",
        ["Gateway:Telemetry:RecordDocument"] = recordDocument ? "true" : "false",
    };

    [Fact]
    public async Task A_query_over_two_subgraphs_has_one_fetch_span_each_under_the_request_span_and_each_subgraph_gets_its_fetch_spans_trace_context()
    {
        await using var gateway = await TelemetryGateway.StartAsync(Settings(recordDocument: true));
        gateway.ForwardFails = true;

        var (status, body) = await gateway.PostAsync("query FxQuote { spotRate forwardPoints }");

        Assert.Equal(200, status);
        Assert.Equal(1.0825, body.GetProperty("data").GetProperty("spotRate").GetDouble());
        var spans = Snapshot(gateway);
        var request = spans.Single(s => s.OperationName == "graphql.request" && Equals(s.GetTagItem("graphql.operation.name"), "FxQuote"));
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal("query FxQuote", request.DisplayName);
        Assert.Equal("query", request.GetTagItem("graphql.operation.type"));
        Assert.Equal("query FxQuote { spotRate forwardPoints }", request.GetTagItem("graphql.document"));
        Assert.Equal(default, request.ParentSpanId);

        var trace = spans.Where(s => s.TraceId == request.TraceId).ToList();
        var prepare = trace.Single(s => s.OperationName == "graphql.prepare");
        Assert.Equal(request.SpanId, prepare.ParentSpanId);
        Assert.Equal(false, prepare.GetTagItem("graphql.plan_cache.hit"));
        foreach (var step in new[] { "graphql.parse", "graphql.validate", "graphql.plan" })
        {
            Assert.Equal(prepare.SpanId, trace.Single(s => s.OperationName == step).ParentSpanId);
        }

        var fetches = trace.Where(s => s.OperationName == "graphql.fetch").ToList();
        Assert.Equal(2, fetches.Count);
        Assert.All(fetches, fetch =>
        {
            Assert.Equal(request.SpanId, fetch.ParentSpanId);
            Assert.Equal(ActivityKind.Client, fetch.Kind);
            Assert.Equal("graphql-http", fetch.GetTagItem("graphql.gateway.source.kind"));
            Assert.Equal("127.0.0.1", fetch.GetTagItem("server.address"));
        });

        var spot = fetches.Single(s => Equals(s.GetTagItem("graphql.gateway.subgraph.name"), "spot"));
        Assert.Equal("fetch spot", spot.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, spot.Status);
        Assert.Equal(200, spot.GetTagItem("http.response.status_code"));
        Assert.EndsWith("/graphql", (string)spot.GetTagItem("url.full")!, StringComparison.Ordinal);

        var forward = fetches.Single(s => Equals(s.GetTagItem("graphql.gateway.subgraph.name"), "forward"));
        Assert.Equal(ActivityStatusCode.Error, forward.Status);
        Assert.Equal(SubgraphFailureCodes.HttpError, forward.GetTagItem("error.type"));
        Assert.Equal(500, forward.GetTagItem("http.response.status_code"));

        AssertTraceParent(Assert.Single(gateway.TraceParents["spot"]), request.TraceId, spot.SpanId);
        AssertTraceParent(Assert.Single(gateway.TraceParents["forward"]), request.TraceId, forward.SpanId);
    }

    [Fact]
    public async Task The_second_request_for_a_document_is_a_plan_cache_hit_with_no_parse_span_and_no_document_is_recorded_by_default()
    {
        await using var gateway = await TelemetryGateway.StartAsync(Settings());

        await gateway.PostAsync("query FxAgain { spotRate }");
        await gateway.PostAsync("query FxAgain { spotRate }");

        var requests = Snapshot(gateway).Where(s => s.OperationName == "graphql.request" && Equals(s.GetTagItem("graphql.operation.name"), "FxAgain")).ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, request => Assert.Null(request.GetTagItem("graphql.document")));
        var second = Snapshot(gateway).Where(s => s.TraceId == requests[1].TraceId).ToList();
        Assert.Equal(true, second.Single(s => s.OperationName == "graphql.prepare").GetTagItem("graphql.plan_cache.hit"));
        Assert.DoesNotContain(second, s => s.OperationName == "graphql.parse");
    }

    [Fact]
    public async Task A_clients_trace_context_is_ignored_by_default_and_no_client_copy_reaches_a_subgraph()
    {
        await using var gateway = await TelemetryGateway.StartAsync(new(Settings()) { ["Gateway:ForwardedHeaders:0"] = "traceparent" });

        await gateway.PostAsync("query FxUntrusted { spotRate }", ("traceparent", $"00-{ClientTraceId}-{ClientSpanId}-01"));

        var request = Snapshot(gateway).Single(s => s.OperationName == "graphql.request" && Equals(s.GetTagItem("graphql.operation.name"), "FxUntrusted"));
        Assert.NotEqual(ClientTraceId, request.TraceId.ToHexString());
        Assert.Equal(default, request.ParentSpanId);
        Assert.StartsWith($"00-{request.TraceId}-", Assert.Single(gateway.TraceParents["spot"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clients_trace_context_is_the_parent_when_trusted()
    {
        await using var gateway = await TelemetryGateway.StartAsync(Settings(trustClient: true));

        await gateway.PostAsync("query FxTrusted { spotRate }", ("traceparent", $"00-{ClientTraceId}-{ClientSpanId}-01"));

        var request = Snapshot(gateway).Single(s => s.OperationName == "graphql.request" && Equals(s.GetTagItem("graphql.operation.name"), "FxTrusted"));
        Assert.Equal(ClientTraceId, request.TraceId.ToHexString());
        Assert.Equal(ClientSpanId, request.ParentSpanId.ToHexString());
        Assert.StartsWith($"00-{ClientTraceId}-", Assert.Single(gateway.TraceParents["spot"]), StringComparison.Ordinal);
    }

    /// <summary>A W3C <c>traceparent</c> naming the trace and span, sampled (flags may also carry the random-trace-id bit).</summary>
    private static void AssertTraceParent(string? header, ActivityTraceId traceId, ActivitySpanId spanId)
    {
        var parts = Assert.IsType<string>(header).Split('-');
        Assert.Equal(4, parts.Length);
        Assert.Equal("00", parts[0]);
        Assert.Equal(traceId.ToHexString(), parts[1]);
        Assert.Equal(spanId.ToHexString(), parts[2]);
        Assert.Equal(1, Convert.ToInt32(parts[3], 16) & 1);
    }

    private static List<Activity> Snapshot(TelemetryGateway gateway)
    {
        lock (gateway.Spans)
        {
            return gateway.Spans.ToList();
        }
    }
}
