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
                var local = Local(policy);
                var limiter = redis is null ? local : new FallbackRateLimiter(policy.Name, redis, Shared(policy, redis), local, settings.RedisTimeout, logger);
                var keys = policy.Scope == RateLimitScope.Client ? policy.ClientKey.Select(source => ClientKey.Parse(source)!).ToArray() : [];
                return new RateLimitRule(policy.Name, policy.Scope, keys, limiter, policy.Window);
            }).ToArray();
            return new RateLimits(rules, redis);
        });
        if (settings.Policies.Any(policy => policy.Scope != RateLimitScope.Operation))
        {
            services.AddSingleton<IRequestStage>(provider => new RateLimitStage(
                provider.GetRequiredService<RateLimits>().Rules.Where(rule => rule.Scope != RateLimitScope.Operation).ToArray(), RequestStageOrder.RateLimit));
        }

        if (settings.Policies.Any(policy => policy.Scope == RateLimitScope.Operation))
        {
            services.AddSingleton<IRequestStage>(provider => new RateLimitStage(
                provider.GetRequiredService<RateLimits>().Rules.Where(rule => rule.Scope == RateLimitScope.Operation).ToArray(), RequestStageOrder.OperationRateLimit));
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

    private static PartitionedRateLimiter<string> Local(RateLimitPolicySettings policy) =>
        PartitionedRateLimiter.Create<string, string>(key => policy.Algorithm == RateLimitAlgorithm.TokenBucket
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = policy.Limit,
                TokensPerPeriod = policy.Limit,
                ReplenishmentPeriod = policy.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = policy.Limit,
                Window = policy.Window,
                SegmentsPerWindow = 6,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    private static PartitionedRateLimiter<string> Shared(RateLimitPolicySettings policy, IConnectionMultiplexer redis) =>
        PartitionedRateLimiter.Create<string, string>(key => policy.Algorithm == RateLimitAlgorithm.TokenBucket
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
            }));
}
