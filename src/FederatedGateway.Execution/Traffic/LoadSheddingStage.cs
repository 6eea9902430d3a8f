using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Traffic;

/// <summary>
/// Bounds the operations executing at once (a <see cref="ConcurrencyLimiter"/>): beyond the limit a request waits in a
/// short queue for at most the queue timeout, and beyond that it is shed with <see cref="OverloadedCode"/> (HTTP 503
/// with <c>Retry-After</c>) before any work is done. Streams (subscriptions) are not counted: they hold no executor
/// work between events.
/// </summary>
public sealed class LoadSheddingStage : IRequestStage, IDisposable
{
    public const string OverloadedCode = "GATEWAY_OVERLOADED";

    private readonly ConcurrencyLimiter _limiter;
    private readonly TimeSpan _queueTimeout;

    public LoadSheddingStage(int maxConcurrent, int queueLimit, TimeSpan queueTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConcurrent);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxConcurrent,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _queueTimeout = queueTimeout;
    }

    public int Order => RequestStageOrder.LoadShedding;

    /// <summary>Whether every permit is taken and requests are queued or being shed: readiness reports it.</summary>
    public bool IsOverloaded => _limiter.GetStatistics() is { CurrentAvailablePermits: 0, CurrentQueuedCount: > 0 };

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        if (context.Mode == RequestMode.Stream)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            lease = await WaitInQueueAsync(context.RequestAborted).ConfigureAwait(false);
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                context.Reject(RequestError.Of("The gateway is overloaded: try again shortly.", OverloadedCode), GatewayResultKind.Overloaded);
                context.Result!.RetryAfter = TimeSpan.FromSeconds(1);
                return;
            }

            await next(context).ConfigureAwait(false);
        }
    }

    private async ValueTask<RateLimitLease> WaitInQueueAsync(CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(_queueTimeout);
        try
        {
            return await _limiter.AcquireAsync(1, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return Refused.Instance;
        }
    }

    public void Dispose() => _limiter.Dispose();

    private sealed class Refused : RateLimitLease
    {
        public static readonly Refused Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
