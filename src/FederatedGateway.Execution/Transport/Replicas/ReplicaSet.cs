using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FederatedGateway.Execution.Transport.Replicas;

/// <summary>
/// The replicas of one subgraph and the choice among them: power of two choices (two replicas in rotation picked at
/// random, the one with the lower cost — outstanding requests × latency — wins), skipping the replicas a retry of the
/// same fetch already tried while another is in rotation.
/// </summary>
/// <remarks>
/// Passive ejection: <see cref="ReplicaOptions.EjectAfterFailures"/> failures in a row take a replica out for a
/// back-off, unless it is the last one in rotation, which keeps its traffic (the subgraph's circuit breaker decides
/// about the subgraph as a whole). After its back-off a replica returns on probation: one more failure ejects it again
/// for twice as long. Active health checks take out a replica whose probe fails, whichever it is, and put back (ending
/// any ejection) one whose probe passes; when every replica is out, <see cref="Choose"/> returns null and the fetch
/// fails at once as unavailable.
/// </remarks>
public sealed class ReplicaSet
{
    private static readonly double FailureFloorTicks = Stopwatch.Frequency; // a failure costs at least 1 s of latency
    private readonly Replica[] _replicas;
    private readonly ILogger _logger;

    public ReplicaSet(string subgraph, IReadOnlyList<string> urls, ReplicaOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(options);
        if (urls.Count is 0 or > 64)
        {
            throw new ArgumentException("A subgraph has between 1 and 64 replica URLs.", nameof(urls));
        }

        Subgraph = subgraph;
        Options = options;
        _logger = logger ?? NullLogger.Instance;
        _replicas = new Replica[urls.Count];
        for (var i = 0; i < urls.Count; i++)
        {
            _replicas[i] = new Replica(urls[i], i);
        }
    }

    public string Subgraph { get; }

    public ReplicaOptions Options { get; }

    public IReadOnlyList<Replica> Replicas => _replicas;

    /// <summary>The replica for the next attempt, preferring one not in <paramref name="tried"/>; null when none is in rotation.</summary>
    public Replica? Choose(ulong tried = 0)
    {
        var now = Stopwatch.GetTimestamp();
        var chosen = Choose(now, tried);
        return chosen ?? (tried != 0 ? Choose(now, 0) : null);
    }

    private Replica? Choose(long now, ulong tried)
    {
        Replica? first = null, second = null;
        var count = 0;
        foreach (var replica in _replicas)
        {
            if ((replica.Bit & tried) != 0 || !InRotation(replica, now))
            {
                continue;
            }

            // Two picked uniformly at random among the candidates (reservoir sampling).
            count++;
            if (count == 1)
            {
                first = replica;
            }
            else if (count == 2)
            {
                second = replica;
            }
            else
            {
                var slot = Random.Shared.Next(count);
                if (slot == 0)
                {
                    first = replica;
                }
                else if (slot == 1)
                {
                    second = replica;
                }
            }
        }

        if (second is null)
        {
            return first;
        }

        var a = first!.Cost(now);
        var b = second.Cost(now);
        return a < b ? first : b < a ? second : Random.Shared.Next(2) == 0 ? first : second;
    }

    private bool InRotation(Replica replica, long now)
    {
        if (!replica.IsInRotation(now))
        {
            return false;
        }

        if (replica.IsEjected && replica.TryEndEjection(now, Options.EjectAfterFailures))
        {
            ReplicaLog.Restored(_logger, Subgraph, replica.Url, "its ejection is over; on probation");
            ReplicaMetrics.Restored(Subgraph, "back_off_over");
        }

        return true;
    }

    /// <summary>An answer (any status below 500) from <paramref name="replica"/>.</summary>
    public void Succeeded(Replica replica, long started)
    {
        replica.Sample(started, Stopwatch.GetTimestamp());
        replica.Succeeded();
    }

    /// <summary>A connection failure or a 5xx from <paramref name="replica"/>: may eject it.</summary>
    public void Failed(Replica replica, long started)
    {
        var now = Stopwatch.GetTimestamp();
        replica.Sample(started, now, FailureFloorTicks);
        var failures = replica.Failed();
        var threshold = Options.EjectAfterFailures;
        if (threshold == 0 || failures < threshold || !replica.IsInRotation(now))
        {
            return;
        }

        if (!AnyOtherInRotation(replica, now))
        {
            if (failures == threshold)
            {
                ReplicaLog.KeptAsLast(_logger, Subgraph, replica.Url, failures);
            }

            return;
        }

        if (replica.TryEject(now, Options.EjectionTime, Options.MaxEjectionTime, out var duration))
        {
            ReplicaLog.Ejected(_logger, Subgraph, replica.Url, failures, duration.TotalSeconds);
            ReplicaMetrics.Ejected(Subgraph, "failures");
        }
    }

    /// <summary>A cancelled attempt (the fetch's timeout or its caller): only its latency counts.</summary>
    public void Abandoned(Replica replica, long started) => replica.Sample(started, Stopwatch.GetTimestamp());

    internal void ProbePassed(Replica replica)
    {
        if (replica.ProbePassed(Stopwatch.GetTimestamp()))
        {
            ReplicaLog.Restored(_logger, Subgraph, replica.Url, "its health check passed");
            ReplicaMetrics.Restored(Subgraph, "health_check");
        }
    }

    internal void ProbeFailed(Replica replica, string reason)
    {
        if (replica.ProbeFailed())
        {
            ReplicaLog.ProbeFailed(_logger, Subgraph, replica.Url, reason);
            ReplicaMetrics.Ejected(Subgraph, "health_check");
        }
    }

    private bool AnyOtherInRotation(Replica replica, long now)
    {
        foreach (var other in _replicas)
        {
            if (!ReferenceEquals(other, replica) && other.IsInRotation(now))
            {
                return true;
            }
        }

        return false;
    }
}
