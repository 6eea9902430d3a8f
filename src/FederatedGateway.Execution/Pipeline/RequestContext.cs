using System.Diagnostics;
using System.Security.Claims;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;

namespace FederatedGateway.Execution.Pipeline;

/// <summary>
/// One request on its way through the <see cref="RequestPipeline"/>: what the client sent, the snapshot it runs
/// against (read once, so a schema swap never splits a request), the per-request policy (identity, limits, deadline,
/// error policy, trace), what the stages produced so far, and the answer. Stages read and write it; the answer is
/// <see cref="Result"/> (a single response) or <see cref="Stream"/> (a subscription), and a stage that sets one of
/// them without calling the next stage ends the request there.
/// </summary>
public sealed class RequestContext
{
    private Dictionary<object, object?>? _items;
    private Headers.SubgraphHeaders? _subgraphHeaders;

    public RequestContext(GatewayRequest request, GatewaySnapshot snapshot, RequestMode mode, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        Request = request;
        Snapshot = snapshot;
        Mode = mode;
        RequestAborted = requestAborted;
        Deadline = requestAborted;
        Limits = snapshot.Limits;
        Document = request.Query;
        Started = Stopwatch.GetTimestamp();
    }

    /// <summary>What the client sent.</summary>
    public GatewayRequest Request { get; }

    /// <summary>
    /// The GraphQL document to run: the client's <see cref="GatewayRequest.Query"/>, or what a stage put in its place
    /// (the stored document behind a persisted-document id).
    /// </summary>
    public string? Document { get; set; }

    /// <summary>The schema, preparer and executor this request runs against from start to end.</summary>
    public GatewaySnapshot Snapshot { get; }

    /// <summary>Whether the client takes one response (HTTP) or a stream of them (WebSocket, SSE).</summary>
    public RequestMode Mode { get; }

    /// <summary>Fires when the client leaves: the work stops and throws.</summary>
    public CancellationToken RequestAborted { get; }

    /// <summary>
    /// Fires when the client leaves or the request's time is up (linked to <see cref="RequestAborted"/>); set by the
    /// deadline stage. Work cut short by it alone is answered with what was done in time.
    /// </summary>
    public CancellationToken Deadline { get; set; }

    /// <summary>When the request started (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public long Started { get; }

    /// <summary>Who sent the request, as far as an identity stage established it; null when no one did.</summary>
    public ClaimsPrincipal? User { get; set; }

    /// <summary>The document limits this request is held to.</summary>
    public OperationLimits Limits { get; }

    /// <summary>The request's span, when tracing is on.</summary>
    public Activity? Activity { get; set; }

    /// <summary>What clients see of subgraph errors, and where the rest is logged.</summary>
    public SubgraphErrorPolicy ErrorPolicy { get; set; } = SubgraphErrorPolicy.ExposeAll;

    /// <summary>The headers each subgraph gets; until a stage sets them, the collected client headers, to every subgraph.</summary>
    public Headers.SubgraphHeaders SubgraphHeaders
    {
        get => _subgraphHeaders ??= Headers.SubgraphHeaders.Same(Request.ForwardHeaders);
        set => _subgraphHeaders = value;
    }

    /// <summary>The prepared operation with its coerced boolean variables; set by the prepare stage.</summary>
    public PrepareResult? Prepared { get; set; }

    /// <summary>The prepared operation, once the prepare stage succeeded.</summary>
    public PreparedOperation? Operation => Prepared?.Operation;

    /// <summary>The introspection root fields as a UTF-8 JSON object, when the operation selects any.</summary>
    public ReadOnlyMemory<byte> Introspection { get; set; }

    /// <summary>Whether the response carries the query plan in <c>extensions.queryPlan</c>.</summary>
    public bool IncludeQueryPlan { get; set; }

    /// <summary>The single response, once there is one.</summary>
    public GatewayResult? Result { get; set; }

    /// <summary>The stream of responses (for <see cref="RequestMode.Stream"/>), once there is one.</summary>
    public GatewayStream? Stream { get; set; }

    /// <summary>Whether a stage has answered the request.</summary>
    public bool IsAnswered => Result is not null || Stream is not null;

    /// <summary>Whatever later stages pass each other (keyed by an object the stage owns), created on first use.</summary>
    public IDictionary<object, object?> Items => _items ??= new Dictionary<object, object?>();

    /// <summary>Answers the request with errors (a <see cref="GatewayResultKind.RequestError"/> unless <paramref name="kind"/> says otherwise).</summary>
    public void Reject(RequestError error, GatewayResultKind kind = GatewayResultKind.RequestError)
    {
        RejectionCode = error.Code;
        Result = GatewayErrors.Result(kind, error);
    }

    /// <summary>Answers the request with errors.</summary>
    public void Reject(IReadOnlyList<RequestError> errors)
    {
        RejectionCode = errors.Count > 0 ? errors[0].Code : "REQUEST_ERROR";
        Result = GatewayErrors.Result(GatewayResultKind.RequestError, errors);
    }

    /// <summary>The <c>extensions.code</c> of the (first) error a stage answered the request with; null while it is not rejected.</summary>
    public string? RejectionCode { get; private set; }
}
