using System.Collections.Concurrent;
using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace FederatedGateway.Execution.Transport.Resilience;

/// <summary>
/// One Polly pipeline per subgraph (built on first use): a circuit breaker that opens after consecutive failures and
/// lets a probe through after the break, inside a retry that repeats only idempotent fetches (queries), only after a
/// connection failure or a 502/503/504, and only while the subgraph's <see cref="RetryBudget"/> allows.
/// </summary>
public sealed class SubgraphResiliencePipelines
{
    /// <summary>The subgraph a request message is for.</summary>
    public static readonly HttpRequestOptionsKey<string> SubgraphKey = new("fgw.subgraph");

    /// <summary>Whether the fetch may be sent again (a query): set on each execution's <see cref="ResilienceContext"/>.</summary>
    public static readonly ResiliencePropertyKey<bool> IdempotentKey = new("fgw.idempotent");

    private readonly Func<string, SubgraphResilienceOptions> _options;
    private readonly ConcurrentDictionary<string, (ResiliencePipeline<HttpResponseMessage> Pipeline, RetryBudget Budget)> _pipelines = new(StringComparer.Ordinal);

    /// <param name="options">The options of each subgraph, by name.</param>
    public SubgraphResiliencePipelines(Func<string, SubgraphResilienceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The pipeline of a subgraph; each call counts as one request toward its retry budget.</summary>
    public ResiliencePipeline<HttpResponseMessage> For(string subgraph)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        var entry = _pipelines.GetOrAdd(subgraph, static (key, self) => self.Build(key), this);
        entry.Budget.Deposit();
        return entry.Pipeline;
    }

    private (ResiliencePipeline<HttpResponseMessage>, RetryBudget) Build(string subgraph)
    {
        var options = _options(subgraph);
        var budget = new RetryBudget(options.RetryBudgetPercent);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    IsTransient(args.Outcome) && IsIdempotent(args.Context) && budget.TryWithdraw()),
            });
        }

        if (options.BreakAfterFailures > 0)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                // Every call in the window failed, and at least BreakAfterFailures of them: failures in a row.
                FailureRatio = 1.0,
                MinimumThroughput = options.BreakAfterFailures,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
            });
        }

        return (builder.Build(), budget);
    }

    private static bool IsIdempotent(ResilienceContext context) => context.Properties.TryGetValue(IdempotentKey, out var idempotent) && idempotent;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500,
        _ => false,
    };
}
