using FederatedGateway.Execution.Traffic;

namespace FederatedGateway.AspNetCore.Traffic;

/// <summary>Rate limits, configuration <c>Gateway:RateLimits</c>: a list of limits, shared through Redis when configured.</summary>
public sealed class RateLimitSettings
{
    /// <summary>The limits; a request must pass every policy that applies to it.</summary>
    public List<RateLimitPolicySettings> Policies { get; set; } = [];

    /// <summary>A StackExchange.Redis configuration string: replicas then share one budget per limit and client.</summary>
    public string? Redis { get; set; }

    /// <summary>The longest a Redis call may take before the local limit decides instead. Default 250 ms.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Partitions (clients, operation names) each limit keeps at once; while full, new ones share one overflow budget.
    /// Bounds the memory a flood of made-up client names can take. Default 100,000.
    /// </summary>
    public int MaxPartitions { get; set; } = 100_000;

    internal IEnumerable<string> Problems()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Policies.Count; i++)
        {
            var policy = Policies[i];
            var path = $"Gateway:RateLimits:Policies:{i}";
            if (string.IsNullOrWhiteSpace(policy.Name) || !names.Add(policy.Name))
            {
                yield return path + ":Name is required and must be unique.";
            }

            if (policy.Limit <= 0 || policy.Window <= TimeSpan.Zero)
            {
                yield return path + " needs a positive Limit and Window.";
            }

            if (policy.Scope == RateLimitScope.Client)
            {
                foreach (var source in policy.ClientKey)
                {
                    if (ClientKey.Parse(source) is null)
                    {
                        yield return $"{path}:ClientKey '{source}' is not claim:<type>, client-name or ip.";
                    }
                }
            }
        }

        if (MaxPartitions < 1)
        {
            yield return "Gateway:RateLimits:MaxPartitions must be at least 1.";
        }

        if (RedisTimeout <= TimeSpan.Zero)
        {
            yield return "Gateway:RateLimits:RedisTimeout must be positive.";
        }
    }
}

/// <summary>One limit: <see cref="Limit"/> requests per <see cref="Window"/>, counted per <see cref="Scope"/>.</summary>
public sealed class RateLimitPolicySettings
{
    /// <summary>The policy's name (unique among the policies); a refused request's error names it.</summary>
    public string Name { get; set; } = "";

    /// <summary>Client (default), Operation or Global.</summary>
    public RateLimitScope Scope { get; set; } = RateLimitScope.Client;

    /// <summary>Where a per-client limit finds the client, tried in order. Default <c>claim:sub</c>, <c>client-name</c>, <c>ip</c>.</summary>
    public List<string> ClientKey { get; set; } = ["claim:sub", "client-name", "ip"];

    /// <summary>Requests (or, with <see cref="Units"/> <c>Cost</c>, cost units) allowed per window.</summary>
    public int Limit { get; set; }

    /// <summary><c>Requests</c> (default) or <c>Cost</c>: each request takes its estimated cost from the budget (demand control turns on).</summary>
    public RateLimitUnits Units { get; set; } = RateLimitUnits.Requests;

    /// <summary>The span the limit counts over. Default 1 min.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>SlidingWindow (default: the limit holds over any window-long span) or TokenBucket (bursts up to the limit, refilled evenly).</summary>
    public RateLimitAlgorithm Algorithm { get; set; } = RateLimitAlgorithm.SlidingWindow;
}

public enum RateLimitUnits
{
    Requests,
    Cost,
}

public enum RateLimitAlgorithm
{
    SlidingWindow,
    TokenBucket,
}
