using System.Diagnostics.Metrics;

namespace FederatedGateway.Execution.Telemetry;

/// <summary>
/// The gateway's instruments (names follow OpenTelemetry's conventions: dotted, durations in seconds). Operation and
/// client names are chosen by clients, so their tags go through <see cref="TagValueLimiter"/>s.
/// </summary>
public static class GatewayMetrics
{
    /// <summary>The subgraph a fetch went to (on the fetch instruments).</summary>
    public const string SubgraphTag = "graphql.gateway.subgraph.name";

    /// <summary>A fetch's outcome on <see cref="FetchDuration"/>: <see cref="FetchSucceeded"/> or the error code of its failure.</summary>
    public const string FetchOutcomeTag = "graphql.gateway.fetch.outcome";

    public const string FetchSucceeded = "ok";

    /// <summary>The name of <see cref="FetchDuration"/>.</summary>
    public const string FetchDurationName = "graphql.gateway.subgraph.fetch.duration";

    public static Histogram<double> RequestDuration { get; } = GatewayTelemetry.Meter.CreateHistogram<double>(
        "graphql.gateway.request.duration", "s", "Duration of GraphQL requests, by operation, client and outcome.");

    public static Counter<long> RejectedRequests { get; } = GatewayTelemetry.Meter.CreateCounter<long>(
        "graphql.gateway.request.rejected", "{request}", "Requests answered with errors before execution, by error code.");

    public static Histogram<double> FetchDuration { get; } = GatewayTelemetry.Meter.CreateHistogram<double>(
        FetchDurationName, "s", "Duration of subgraph fetches, by subgraph, source kind and outcome code.");

    public static Counter<long> FetchErrors { get; } = GatewayTelemetry.Meter.CreateCounter<long>(
        "graphql.gateway.subgraph.fetch.errors", "{fetch}", "Failed subgraph fetches, by subgraph and error code.");

    public static Counter<long> PlanCacheHits { get; } = GatewayTelemetry.Meter.CreateCounter<long>(
        "graphql.gateway.plan_cache.hits", "{lookup}", "Operations whose prepared plan was found in the cache.");

    public static Counter<long> PlanCacheMisses { get; } = GatewayTelemetry.Meter.CreateCounter<long>(
        "graphql.gateway.plan_cache.misses", "{lookup}", "Operations parsed, validated and planned anew.");

    public static UpDownCounter<long> ActiveSubscriptions { get; } = GatewayTelemetry.Meter.CreateUpDownCounter<long>(
        "graphql.gateway.subscriptions.active", "{subscription}", "Subscriptions open now.");

    public static Counter<long> SubscriptionEvents { get; } = GatewayTelemetry.Meter.CreateCounter<long>(
        "graphql.gateway.subscription.events", "{event}", "Subscription events received from subgraphs.");

    /// <summary>Bounds the distinct operation names in tags.</summary>
    public static TagValueLimiter OperationNames { get; } = new(maxValues: 200);

    /// <summary>Bounds the distinct client names and versions in tags.</summary>
    public static TagValueLimiter ClientNames { get; } = new(maxValues: 100);
}
