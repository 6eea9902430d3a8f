using System.Threading.RateLimiting;
using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Traffic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RedisRateLimiting;
using StackExchange.Redis;

namespace FederatedGateway.AspNetCore.Traffic;

/// <summary>Registers the rate-limit stage for <c>Gateway:RateLimits</c>: System.Threading.RateLimiting locally, RedisRateLimiting when shared.</summary>
internal static class RateLimitServiceCollectionExtensions
{
    /// <summary>The configured limits, built once and shared by the two rate-limit stages.</summary>
    private sealed class RateLimits(RateLimitRule[] rules, IConnectionMultiplexer? redis) : IDisposable
    {
        public RateLimitRule[] Rules { get; } = rules;

        public void Dispose()
        {
            redis?.Dispose();
            foreach (var rule in Rules)
            {
                rule.Limiter.Dispose();
            }
        }
    }

    /// <summary>The load-shedding stage (also asked by readiness whether the gateway is overloaded).</summary>
    public static void AddLoadShedding(this IServiceCollection services, LoadSheddingSettings settings)
    {
        if (settings.MaxConcurrentRequests == 0 || settings.Problems().Any())
        {
            return;
        }

        services.AddSingleton(new LoadSheddingStage(settings.MaxConcurrentRequests, settings.QueueLimit, settings.QueueTimeout));
        services.AddSingleton<IRequestStage>(provider => provider.GetRequiredService<LoadSheddingStage>());
    }

    /// <summary>The demand-control stage, when cost is asked for (a maximum, Enabled, or a rate limit in cost units).</summary>
    public static void AddCost(this IServiceCollection services, CostSettings cost, RateLimitSettings limits)
    {
        var wanted = cost.Enabled || cost.Max > 0 || limits.Policies.Any(policy => policy.Units == RateLimitUnits.Cost);
        if (wanted && !cost.Problems().Any())
        {
            services.AddSingleton<IRequestStage>(new Execution.Cost.CostStage(cost.ToOptions()));
        }
    }

    public static void AddRateLimits(this IServiceCollection services, RateLimitSettings settings)
    {
        if (settings.Policies.Count == 0 || settings.Problems().Any())
        {
            return;
        }

        services.AddSingleton(provider =>
        {
            var logger = provider.GetRequiredService<ILogger<RateLimitStage>>();
            // Connected before the first request (waiting at most RedisTimeout; if Redis is not there yet, the
            // multiplexer keeps trying in the background and the local limits decide meanwhile).
            var redis = settings.Redis is { Length: > 0 } configuration ? Connect(configuration, settings.RedisTimeout) : null;
            var rules = settings.Policies.Select(policy =>
            {
                var local = Local(policy, settings.MaxPartitions);
                var limiter = redis is null ? local : new FallbackRateLimiter(policy.Name, redis, Shared(policy, redis, settings.MaxPartitions), local, settings.RedisTimeout, logger);
                var keys = policy.Scope == RateLimitScope.Client ? policy.ClientKey.Select(source => ClientKey.Parse(source)!).ToArray() : [];
                return new RateLimitRule(policy.Name, policy.Scope, keys, limiter, policy.Window, policy.Units == RateLimitUnits.Cost);
            }).ToArray();
            return new RateLimits(rules, redis);
        });
        // Three places: per client and global before parsing, per operation once its name is known, cost budgets once the cost is estimated.
        AddStage(services, settings, (scope, cost) => !cost && scope != RateLimitScope.Operation, RequestStageOrder.RateLimit);
        AddStage(services, settings, (scope, cost) => !cost && scope == RateLimitScope.Operation, RequestStageOrder.OperationRateLimit);
        AddStage(services, settings, (_, cost) => cost, RequestStageOrder.CostRateLimit);
    }

    /// <summary>A stage at <paramref name="order"/> for the limits <paramref name="belongs"/> picks (by scope and whether they count cost).</summary>
    private static void AddStage(IServiceCollection services, RateLimitSettings settings, Func<RateLimitScope, bool, bool> belongs, int order)
    {
        if (settings.Policies.Any(policy => belongs(policy.Scope, policy.Units == RateLimitUnits.Cost)))
        {
            services.AddSingleton<IRequestStage>(provider => new RateLimitStage(
                provider.GetRequiredService<RateLimits>().Rules.Where(rule => belongs(rule.Scope, rule.CountsCost)).ToArray(), order));
        }
    }

    private static IConnectionMultiplexer Connect(string configuration, TimeSpan timeout)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)timeout.TotalMilliseconds;
        options.AsyncTimeout = (int)timeout.TotalMilliseconds;
        options.SyncTimeout = (int)timeout.TotalMilliseconds;
        return ConnectionMultiplexer.Connect(options);
    }

    /// <summary>The overflow partition's key: a line break cannot be in a header value, so no client is named like it.</summary>
    private static string OverflowKey(RateLimitPolicySettings policy) => policy.Name + "|\n(overflow)";

    private static PartitionedRateLimiter<string> Local(RateLimitPolicySettings policy, int maxPartitions) =>
        new BoundedPartitionedRateLimiter(
            _ => policy.Algorithm == RateLimitAlgorithm.TokenBucket
                ? new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = policy.Limit,
                    TokensPerPeriod = policy.Limit,
                    ReplenishmentPeriod = policy.Window,
                    QueueLimit = 0,
                    AutoReplenishment = false,
                })
                : new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = policy.Limit,
                    Window = policy.Window,
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                    AutoReplenishment = false,
                }),
            maxPartitions,
            OverflowKey(policy));

    private static PartitionedRateLimiter<string> Shared(RateLimitPolicySettings policy, IConnectionMultiplexer redis, int maxPartitions) =>
        new BoundedPartitionedRateLimiter(
            key =>
            {
                var partition = policy.Algorithm == RateLimitAlgorithm.TokenBucket
                    ? RedisRateLimitPartition.GetTokenBucketRateLimiter("fgw:rl:" + key, _ => new RedisTokenBucketRateLimiterOptions
                    {
                        ConnectionMultiplexerFactory = () => redis,
                        TokenLimit = policy.Limit,
                        TokensPerPeriod = policy.Limit,
                        ReplenishmentPeriod = policy.Window,
                    })
                    : RedisRateLimitPartition.GetSlidingWindowRateLimiter("fgw:rl:" + key, _ => new RedisSlidingWindowRateLimiterOptions
                    {
                        ConnectionMultiplexerFactory = () => redis,
                        PermitLimit = policy.Limit,
                        Window = policy.Window,
                    });
                return partition.Factory(partition.PartitionKey);
            },
            maxPartitions,
            OverflowKey(policy));
}
