using System.Diagnostics;
using System.Runtime.CompilerServices;
using FederatedGateway.Execution.Execution;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Execution.Telemetry;

/// <summary>
/// One subgraph fetch's span (<c>fetch {subgraph}</c>, a client span under the request's), its duration and error
/// metrics, and the rate-limited warning of a failed fetch (subgraph, code, operation, trace id; never variables).
/// While the span runs it is the current activity, so the source's client writes its trace context into the call and
/// adds what only it knows (the gRPC method, the HTTP status).
/// </summary>
internal static class FetchTelemetry
{
    public const string SourceKindTag = "graphql.gateway.source.kind";

    /// <summary>What every span of a route carries, worked out once per route (a reload makes new routes).</summary>
    private static readonly ConditionalWeakTable<SubgraphRoute, FetchSpanShape> s_shapes = new();

    public static Activity? Start(string subgraph, SubgraphRoute route)
    {
        if (!GatewayTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = GatewayTelemetry.Source.StartActivity("graphql.fetch", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            var shape = s_shapes.GetOrAdd(route, static (route, subgraph) => new FetchSpanShape(subgraph, route.Url), subgraph);
            activity.DisplayName = shape.DisplayName;
            activity.SetTag(GatewayMetrics.SubgraphTag, subgraph);
            activity.SetTag(SourceKindTag, route.SourceKind);
            activity.SetTag("url.full", route.Url);
            if (shape.Host is not null)
            {
                activity.SetTag("server.address", shape.Host);
                activity.SetTag("server.port", shape.Port);
            }
        }

        return activity;
    }

    /// <param name="errorCode">The code of the fetch's failure; null when it got an answer.</param>
    /// <param name="statusCode">The HTTP status of the answer (0 when there was none).</param>
    public static void Stop(Activity? activity, long started, string subgraph, string sourceKind, string? errorCode, int statusCode, ExecutionState state, Exception? cause)
    {
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                if (statusCode > 0 && activity.GetTagItem("http.response.status_code") is null)
                {
                    activity.SetTag("http.response.status_code", BoxedValues.Of(statusCode));
                }

                if (errorCode is not null)
                {
                    activity.SetStatus(ActivityStatusCode.Error, errorCode);
                    activity.SetTag("error.type", errorCode);
                }
            }

            activity.Stop();
        }

        if (GatewayMetrics.FetchDuration.Enabled)
        {
            var tags = new TagList
            {
                { GatewayMetrics.SubgraphTag, subgraph },
                { SourceKindTag, sourceKind },
                { GatewayMetrics.FetchOutcomeTag, errorCode ?? GatewayMetrics.FetchSucceeded },
            };
            GatewayMetrics.FetchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }

        if (errorCode is null)
        {
            return;
        }

        if (GatewayMetrics.FetchErrors.Enabled)
        {
            GatewayMetrics.FetchErrors.Add(1, new KeyValuePair<string, object?>(GatewayMetrics.SubgraphTag, subgraph), new KeyValuePair<string, object?>("error.type", errorCode));
        }

        var logger = state.ErrorPolicy.Logger;
        if (logger.IsEnabled(LogLevel.Warning) && state.ErrorPolicy.FailureWarnings.TryEnter(subgraph + " " + errorCode, out var suppressed))
        {
            var traceId = (activity ?? Activity.Current)?.TraceId.ToHexString();
            TelemetryLog.SubgraphFailed(logger, subgraph, errorCode, state.Compiled.Operation.Name, traceId, suppressed, cause);
        }
    }
}
