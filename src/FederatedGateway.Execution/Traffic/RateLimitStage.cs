using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Traffic;

/// <summary>
/// Checks rate limits; the first one that refuses answers <see cref="RateLimitedCode"/> (HTTP 429 with
/// <c>Retry-After</c>). A request counts against every limit it passes. Per-client and global limits run before the
/// document is parsed (<see cref="RequestStageOrder.RateLimit"/>); per-operation limits once the operation, and so its
/// real name, is known (<see cref="RequestStageOrder.OperationRateLimit"/>).
/// </summary>
public sealed class RateLimitStage : IRequestStage
{
    public const string RateLimitedCode = "RATE_LIMITED";

    private readonly IReadOnlyList<RateLimitRule> _rules;

    public RateLimitStage(IReadOnlyList<RateLimitRule> rules, int order)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        Order = order;
    }

    public int Order { get; }

    /// <summary>The estimate in whole permits, at least one (a limiter refuses a request for more than its limit).</summary>
    private static int CostPermits(RequestContext context) =>
        Cost.CostStage.EstimateOf(context) is { } estimate ? (int)Math.Clamp(Math.Ceiling(estimate), 1, int.MaxValue) : 1;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        foreach (var rule in _rules)
        {
            if (rule.PartitionKey(context) is not { } key)
            {
                continue;
            }

            var permits = rule.CountsCost ? CostPermits(context) : 1;
            using var lease = await rule.Limiter.AcquireAsync(key, permits, context.RequestAborted).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : rule.Window;
                var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
                context.Reject(
                    new RequestError($"Rate limit '{rule.Name}' exceeded: try again in {seconds} s.", RateLimitedCode, [],
                        new Dictionary<string, object?> { ["limit"] = rule.Name, ["retryAfter"] = seconds }),
                    GatewayResultKind.RateLimited);
                context.Result!.RetryAfter = TimeSpan.FromSeconds(seconds);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }
}
