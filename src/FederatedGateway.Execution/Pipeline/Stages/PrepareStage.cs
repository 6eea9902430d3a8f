using System.Diagnostics;
using System.Runtime.CompilerServices;
using FederatedGateway.Execution.Telemetry;

namespace FederatedGateway.Execution.Pipeline.Stages;

/// <summary>
/// Parses the document, checks the limits, validates it, coerces the variables and plans it, through the snapshot's
/// preparer (which caches the prepared document). Any error answers the request. Traced as <c>graphql.prepare</c>
/// (with <c>graphql.plan_cache.hit</c>; a miss has parse, validate and plan spans below it) and counted as a
/// plan-cache hit or miss, when something listens.
/// </summary>
public sealed class PrepareStage : IRequestStage
{
    public const string SpanName = "graphql.prepare";

    public int Order => RequestStageOrder.Prepare;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        var request = context.Request;
        var preparer = context.Snapshot.Preparer;
        var activity = GatewayTelemetry.Source.HasListeners() ? GatewayTelemetry.Source.StartActivity(SpanName) : null;
        if ((activity is not null || GatewayMetrics.PlanCacheHits.Enabled) && context.Document is { } document)
        {
            var hit = preparer.IsCached(document, request.OperationName);
            activity?.SetTag("graphql.plan_cache.hit", BoxedValues.Of(hit));
            (hit ? GatewayMetrics.PlanCacheHits : GatewayMetrics.PlanCacheMisses).Add(1);
        }

        Core.Operations.PrepareResult prepared;
        try
        {
            prepared = await preparer.PrepareAsync(context.Document, request.OperationName, request.Variables, context.Deadline).ConfigureAwait(false);
            if (activity is not null && !prepared.IsSuccess)
            {
                activity.SetStatus(ActivityStatusCode.Error, prepared.Errors[0].Code);
                activity.SetTag("error.type", prepared.Errors[0].Code);
            }
        }
        finally
        {
            activity?.Stop();
        }

        if (!prepared.IsSuccess)
        {
            context.Reject(prepared.Errors);
            return;
        }

        context.Prepared = prepared;
        await next(context).ConfigureAwait(false);
    }
}
