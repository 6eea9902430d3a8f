using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Pipeline.Stages;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Telemetry;

namespace FederatedGateway.Execution.Gateway;

/// <summary>
/// The gateway behind the HTTP, WebSocket and SSE endpoints: reads the current snapshot once per request and runs the
/// request through the <see cref="RequestPipeline"/> (deadline, prepare, operation policy, [subscription,] execute,
/// plus any <see cref="AdditionalStages"/> in their places). The settings below configure the gateway's own stages.
/// </summary>
public sealed partial class FederatedGatewayExecutor : IGatewayExecutor
{
    private volatile GatewaySnapshot? _snapshot;
    private RequestPipeline? _pipeline;

    public FederatedGatewayExecutor(GatewaySnapshot? snapshot = null)
    {
        _snapshot = snapshot;
    }

    public bool IsReady => _snapshot is not null;

    /// <summary>
    /// Whether a request may ask for its query plan (<c>"extensions": {"queryPlan": true}</c>); the plan is then
    /// returned in the response's <c>extensions.queryPlan.text</c>. Off unless the host turns it on.
    /// </summary>
    public bool ExposeQueryPlan { get; init; }

    /// <summary>
    /// Whether operations may select <c>__schema</c> or <c>__type</c>; when not, they are refused with
    /// <see cref="IntrospectionDisabledCode"/> (<c>__typename</c> always works). On unless the host turns it off.
    /// </summary>
    public bool AllowIntrospection { get; init; } = true;

    /// <summary>What clients see of subgraph errors (masked or exposed) and where the rest is logged; all exposed unless set.</summary>
    public SubgraphErrorPolicy SubgraphErrors { get; init; } = SubgraphErrorPolicy.ExposeAll;

    /// <summary>The <c>extensions.code</c> of an operation refused because it selects introspection while that is off.</summary>
    public const string IntrospectionDisabledCode = OperationPolicyStage.IntrospectionDisabledCode;

    /// <summary>
    /// Time allowed for a whole request: preparation and every fetch (each also bounded by the subgraph client's own
    /// timeout). What is not fetched when it passes is null with a <c>REQUEST_TIMEOUT</c> error; the rest of the data is
    /// returned. A subscription is not bounded, but each of its events gets this much for its own fetches. Zero or
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off. Default 30 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Stages added to the gateway's own (identity, persisted documents, authorization, cost…), placed by their order.</summary>
    public IReadOnlyList<IRequestStage> AdditionalStages { get; init; } = [];

    /// <summary>Whether requests that carry no credentials are refused with <c>UNAUTHENTICATED</c>.</summary>
    public bool RequireAuthentication { get; init; }

    public GatewaySnapshot? Snapshot => _snapshot;

    /// <summary>The request path, built on first use from the settings above.</summary>
    public RequestPipeline Pipeline => _pipeline ??= BuildPipeline();

    /// <summary>Swaps in a new snapshot; requests in flight finish on the one they started with.</summary>
    public void Swap(GatewaySnapshot snapshot) => _snapshot = snapshot;

    public async ValueTask<GatewayResult> ExecuteAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            return NotLoaded();
        }

        var context = new RequestContext(request, snapshot, RequestMode.Single, cancellationToken) { ErrorPolicy = SubgraphErrors };
        await RunAsync(context).ConfigureAwait(false);
        return context.Result!;
    }

    /// <summary>
    /// Whether the trace context a client sends (<c>traceparent</c>) becomes the parent of the request's span; when
    /// not, every request starts a trace of its own. Off unless the host turns it on.
    /// </summary>
    public bool TrustClientTraceContext { get; init; }

    /// <summary>Whether the request's span records the operation's text (<c>graphql.document</c>). Off unless the host turns it on.</summary>
    public bool RecordDocument { get; init; }

    private async ValueTask RunAsync(RequestContext context)
    {
        RequestTelemetry.Start(context, TrustClientTraceContext);
        try
        {
            await Pipeline.InvokeAsync(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.Activity is not null || GatewayMetrics.RequestDuration.Enabled)
        {
            RequestTelemetry.Stop(context, RecordDocument, ex);
            throw;
        }

        RequestTelemetry.Stop(context, RecordDocument);
    }

    private RequestPipeline BuildPipeline()
    {
        var timeout = TimeLimit.IsOff(RequestTimeout) ? (TimeSpan?)null : RequestTimeout;
        IRequestStage[] own =
        [
            new DeadlineStage(RequestTimeout),
            new IdentityStage(RequireAuthentication),
            new PrepareStage(),
            new OperationPolicyStage(AllowIntrospection),
            new SubscriptionStage(timeout),
            new ExecuteStage(ExposeQueryPlan),
        ];
        return new RequestPipeline(own.Concat(AdditionalStages));
    }

    private static GatewayResult NotLoaded() =>
        GatewayErrors.Result(GatewayResultKind.RequestError, RequestError.Of("The gateway has no schema loaded yet.", "SCHEMA_NOT_LOADED"));
}
