using System.Diagnostics;
using FederatedGateway.Execution.Subscriptions;

namespace FederatedGateway.Execution.Telemetry;

/// <summary>
/// A span per subscription event (<c>graphql.subscription.event</c>, in the subscribing request's trace; the entity
/// fetches that complete the event are below it) and the count of events by subgraph and kind.
/// </summary>
internal static class SubscriptionTelemetry
{
    public const string EventSpan = "graphql.subscription.event";

    public static Activity? StartEvent(ActivityContext request, string subgraph, SubgraphEventKind kind)
    {
        if (GatewayMetrics.SubscriptionEvents.Enabled)
        {
            GatewayMetrics.SubscriptionEvents.Add(1, new KeyValuePair<string, object?>(GatewayMetrics.SubgraphTag, subgraph), new KeyValuePair<string, object?>("graphql.gateway.event.kind", KindName(kind)));
        }

        if (!GatewayTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = GatewayTelemetry.Source.StartActivity(EventSpan, ActivityKind.Consumer, request);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(GatewayMetrics.SubgraphTag, subgraph);
            activity.SetTag("graphql.gateway.event.kind", KindName(kind));
            if (kind != SubgraphEventKind.Next)
            {
                activity.SetStatus(ActivityStatusCode.Error, KindName(kind));
            }
        }

        return activity;
    }

    private static string KindName(SubgraphEventKind kind) => kind switch
    {
        SubgraphEventKind.Next => "next",
        SubgraphEventKind.Error => "error",
        _ => "failed",
    };
}
