using FederatedGateway.Testing.Telemetry;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.AspNetCore.Tests.Telemetry;

/// <summary>The Prometheus scrape endpoint after a known mix of traffic: the series and counts it must show, parsed.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Gateway:Telemetry:MetricsEnabled"] = "true",
        ["Gateway:Limits:MaxRootFields"] = "2",
    };

    [Fact]
    public async Task Metrics_count_successes_rejections_and_subgraph_failures_by_operation_client_and_code()
    {
        await using var gateway = await TelemetryGateway.StartAsync(Settings);
        (string, string)[] client = [("graphql-client-name", "fx-desk"), ("graphql-client-version", "2.1")];

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await gateway.PostAsync("query FxSpot { spotRate }", client)).Status);
        }

        // Refused before the operation is known: it is named by the request's operationName.
        Assert.Equal(400, (await gateway.PostAsync("query FxBroken { nope }", "FxBroken", client)).Status);
        await gateway.PostAsync("query FxTooWide { a: spotRate b: spotRate c: spotRate }", "FxTooWide", client);
        gateway.ForwardFails = true;
        await gateway.PostAsync("query FxForward { forwardPoints }", client);

        var (status, text) = await gateway.GetAsync("/metrics");

        Assert.Equal(200, status);
        var samples = PrometheusText.Parse(text);
        const string Requests = "graphql_gateway_request_duration_seconds_count";
        Assert.Equal(3, Sum(samples, Requests, ("graphql_operation_name", "FxSpot"), ("graphql_operation_type", "query"),
            ("graphql_client_name", "fx-desk"), ("graphql_client_version", "2.1"), ("graphql_gateway_outcome", "success")));
        Assert.Equal(1, Sum(samples, Requests, ("graphql_operation_name", "FxBroken"), ("graphql_gateway_outcome", "rejected")));
        Assert.Equal(1, Sum(samples, Requests, ("graphql_operation_name", "FxTooWide"), ("graphql_gateway_outcome", "rejected")));
        Assert.Equal(1, Sum(samples, Requests, ("graphql_operation_name", "FxForward"), ("graphql_gateway_outcome", "success")));
        Assert.Equal(6, Sum(samples, Requests));

        Assert.Equal(1, Sum(samples, "graphql_gateway_request_rejected_total", ("error_type", "GRAPHQL_VALIDATION_FAILED")));
        Assert.Equal(1, Sum(samples, "graphql_gateway_request_rejected_total", ("error_type", "OPERATION_LIMIT_EXCEEDED")));
        Assert.Equal(2, Sum(samples, "graphql_gateway_request_rejected_total"));

        const string Fetches = "graphql_gateway_subgraph_fetch_duration_seconds_count";
        Assert.Equal(3, Sum(samples, Fetches, ("graphql_gateway_subgraph_name", "spot"), ("graphql_gateway_fetch_outcome", "ok")));
        Assert.Equal(1, Sum(samples, Fetches, ("graphql_gateway_subgraph_name", "forward"), ("graphql_gateway_fetch_outcome", SubgraphFailureCodes.HttpError)));
        Assert.Equal(1, Sum(samples, "graphql_gateway_subgraph_fetch_errors_total", ("graphql_gateway_subgraph_name", "forward"), ("error_type", SubgraphFailureCodes.HttpError)));
        Assert.Equal(0, Sum(samples, "graphql_gateway_subgraph_fetch_errors_total", ("graphql_gateway_subgraph_name", "spot")));

        // FxSpot is prepared once and found twice; each other document once, and not found.
        Assert.Equal(2, Sum(samples, "graphql_gateway_plan_cache_hits_total"));
        Assert.Equal(4, Sum(samples, "graphql_gateway_plan_cache_misses_total"));
    }

    [Fact]
    public async Task The_scrape_endpoint_is_absent_while_metrics_are_off()
    {
        await using var gateway = await TelemetryGateway.StartAsync([]);

        Assert.Equal(404, (await gateway.GetAsync("/metrics")).Status);
    }

    private static double Sum(IReadOnlyList<PrometheusSample> samples, string name, params (string Label, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).Sum(s => s.Value);
}
