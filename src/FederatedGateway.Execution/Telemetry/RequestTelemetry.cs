using System.Diagnostics;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Requests;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Execution.Telemetry;

/// <summary>
/// The request's span (<c>graphql.request</c>, renamed <c>{type} {name}</c> once the operation is known), its
/// duration metric and, for a rejected request, the rejection counter and one Debug line. Nothing is created when
/// nothing listens.
/// </summary>
internal static class RequestTelemetry
{
    public const string SpanName = "graphql.request";

    /// <summary>The longest document recorded in <c>graphql.document</c>; longer ones are left out.</summary>
    private const int MaxRecordedDocumentLength = 8 * 1024;

    /// <summary>
    /// Starts the request's span as <see cref="RequestContext.Activity"/> (and the current activity of the caller's
    /// flow). The trace context the client sent (its <c>traceparent</c> and <c>tracestate</c>) is the
    /// parent only when <paramref name="trustClientTraceContext"/>; otherwise the request starts a trace of its own.
    /// </summary>
    public static void Start(RequestContext context, bool trustClientTraceContext)
    {
        if (!GatewayTelemetry.Source.HasListeners())
        {
            return;
        }

        // The client's own headers, not ASP.NET Core's activity: whether that one exists and is recorded depends on
        // what else listens. With no parent given, ActivitySource parents a span on the current activity: clear it.
        var current = Activity.Current;
        var parent = trustClientTraceContext ? ClientContext(context.Request) : default;
        Activity.Current = null;

        var activity = GatewayTelemetry.Source.StartActivity(SpanName, ActivityKind.Server, parent);
        if (activity is null)
        {
            Activity.Current = current;
            return;
        }

        context.Activity = activity;
    }

    /// <summary>Ends the request's span and records its metrics.</summary>
    /// <param name="recordDocument">Whether the span gets the operation's text (<c>graphql.document</c>).</param>
    public static void Stop(RequestContext context, bool recordDocument, Exception? exception = null)
    {
        var activity = context.Activity;
        var rejection = context.RejectionCode;
        var operation = context.Operation;
        var operationName = operation?.Name ?? context.Request.OperationName;
        var operationType = operation is null ? null : TypeName(operation.Kind);
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                Describe(activity, context, operationName, operationType, recordDocument);
                if (exception is not null)
                {
                    activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
                    activity.SetTag("error.type", exception.GetType().FullName);
                }
                else if (rejection is not null)
                {
                    activity.SetStatus(ActivityStatusCode.Error, rejection);
                    activity.SetTag("error.type", rejection);
                }
            }

            activity.Stop();
        }

        var outcome = exception is not null ? "error" : rejection is not null ? "rejected" : "success";
        if (GatewayMetrics.RequestDuration.Enabled)
        {
            var tags = new TagList
            {
                { "graphql.operation.name", GatewayMetrics.OperationNames.Limit(operationName) ?? "" },
                { "graphql.operation.type", operationType ?? "" },
                { "graphql.client.name", GatewayMetrics.ClientNames.Limit(context.Request.ClientName) ?? "" },
                { "graphql.client.version", GatewayMetrics.ClientNames.Limit(context.Request.ClientVersion) ?? "" },
                { "graphql.gateway.outcome", outcome },
            };
            GatewayMetrics.RequestDuration.Record(Stopwatch.GetElapsedTime(context.Started).TotalSeconds, tags);
        }

        if (rejection is not null)
        {
            if (GatewayMetrics.RejectedRequests.Enabled)
            {
                GatewayMetrics.RejectedRequests.Add(1, new KeyValuePair<string, object?>("error.type", rejection));
            }

            var logger = context.ErrorPolicy.Logger;
            if (logger.IsEnabled(LogLevel.Debug))
            {
                TelemetryLog.RequestRejected(logger, rejection, operationName, context.Request.ClientName, activity?.TraceId.ToHexString());
            }
        }
    }

    /// <summary>The semantic-conventions name of an operation type.</summary>
    public static string TypeName(OperationKind kind) => kind switch
    {
        OperationKind.Mutation => "mutation",
        OperationKind.Subscription => "subscription",
        _ => "query",
    };

    private static ActivityContext ClientContext(GatewayRequest request) =>
        ActivityContext.TryParse(request.TraceParent, request.TraceState, isRemote: true, out var parsed) ? parsed : default;

    private static void Describe(Activity activity, RequestContext context, string? operationName, string? operationType, bool recordDocument)
    {
        if (operationType is not null)
        {
            activity.DisplayName = operationName is null ? operationType : operationType + " " + operationName;
            activity.SetTag("graphql.operation.type", operationType);
        }

        if (operationName is not null)
        {
            activity.SetTag("graphql.operation.name", operationName);
        }

        if (recordDocument && context.Document is { Length: <= MaxRecordedDocumentLength } document && context.Operation is not null)
        {
            activity.SetTag("graphql.document", document);
        }

        if (context.Request.ClientName is { } clientName)
        {
            activity.SetTag("graphql.client.name", clientName);
        }

        if (context.Request.ClientVersion is { } clientVersion)
        {
            activity.SetTag("graphql.client.version", clientVersion);
        }
    }
}
