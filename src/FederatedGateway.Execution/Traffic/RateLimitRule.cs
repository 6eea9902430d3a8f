using System.Threading.RateLimiting;
using FederatedGateway.Execution.Pipeline;

namespace FederatedGateway.Execution.Traffic;

/// <summary>One rate limit: what it counts (<see cref="Scope"/>), how it finds the client, and its partitioned limiter.</summary>
public sealed class RateLimitRule
{
    public RateLimitRule(
        string name, RateLimitScope scope, IReadOnlyList<ClientKey> clientKeys, PartitionedRateLimiter<string> limiter, TimeSpan window, bool countsCost = false)
    {
        CountsCost = countsCost;
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(clientKeys);
        ArgumentNullException.ThrowIfNull(limiter);
        if (scope == RateLimitScope.Client && clientKeys.Count == 0)
        {
            throw new ArgumentException("A per-client limit needs at least one client key source.", nameof(clientKeys));
        }

        Name = name;
        Scope = scope;
        ClientKeys = clientKeys;
        Limiter = limiter;
        Window = window;
    }

    public string Name { get; }

    /// <summary>Whether a request takes its estimated cost in permits (a cost budget) rather than one.</summary>
    public bool CountsCost { get; }

    public RateLimitScope Scope { get; }

    public IReadOnlyList<ClientKey> ClientKeys { get; }

    public PartitionedRateLimiter<string> Limiter { get; }

    /// <summary>The limit's window: the wait suggested when the limiter gives none.</summary>
    public TimeSpan Window { get; }

    /// <summary>The partition the request counts against; null when the request has none of the client key sources.</summary>
    public string? PartitionKey(RequestContext context)
    {
        switch (Scope)
        {
            case RateLimitScope.Global:
                return Name;
            case RateLimitScope.Operation:
                return Name + "|op:" + (context.Operation?.Name ?? context.Request.OperationName ?? "");
            default:
                foreach (var key in ClientKeys)
                {
                    if (key.Read(context) is { } value)
                    {
                        return Name + "|" + value;
                    }
                }

                return null;
        }
    }
}
