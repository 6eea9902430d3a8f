using System.Diagnostics;

namespace FederatedGateway.Execution.Transport.Replicas;

/// <summary>
/// One URL of a subgraph and what the balancer knows of it: requests outstanding, a peak-EWMA latency that decays
/// with time (so a replica that was slow is tried again once its estimate has decayed), failures in a row, and
/// whether it is out of rotation (ejected after failures, or failing its health checks).
/// </summary>
public sealed class Replica
{
    private static readonly double DecayTicks = Stopwatch.Frequency; // latency estimates lose 1/e per second
    private static readonly double LatencyUnitTicks = Stopwatch.Frequency / 20.0; // 50 ms
    private readonly Lock _sampleLock = new();
    private int _outstanding;
    private double _latencyTicks;
    private long _lastSample;
    private int _consecutiveFailures;
    private long _ejectedUntil;
    private int _ejected;
    private int _ejections;
    private int _probeHealthy = 1;

    internal Replica(string url, int index)
    {
        Url = url;
        Uri = new Uri(url, UriKind.Absolute);
        Bit = 1UL << index;
    }

    public string Url { get; }

    public Uri Uri { get; }

    internal ulong Bit { get; }

    /// <summary>Requests sent to this replica and not answered yet.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>Ejected after failures in a row, until its back-off is over or a health check passes.</summary>
    public bool IsEjected => Volatile.Read(ref _ejected) == 1;

    /// <summary>False while its active health checks fail.</summary>
    public bool IsProbeHealthy => Volatile.Read(ref _probeHealthy) == 1;

    internal int ConsecutiveFailures => Volatile.Read(ref _consecutiveFailures);

    internal long EjectedUntil => Volatile.Read(ref _ejectedUntil);

    internal long Begin()
    {
        Interlocked.Increment(ref _outstanding);
        return Stopwatch.GetTimestamp();
    }

    internal void End() => Interlocked.Decrement(ref _outstanding);

    /// <summary>
    /// The balancer's cost of one more request here: (outstanding + 1), multiplied by the decayed latency estimate in
    /// units of <see cref="LatencyUnitTicks"/> when it is above one unit. Replicas answering within 50 ms are compared
    /// by outstanding requests alone (equal ones tie and are chosen at random); a slow or failing one costs as much as
    /// many outstanding requests until its estimate decays.
    /// </summary>
    internal double Cost(long now)
    {
        var idle = now - Volatile.Read(ref _lastSample);
        var latency = Volatile.Read(ref _latencyTicks) * Math.Exp(-Math.Max(0, idle) / DecayTicks);
        return (Outstanding + 1) * Math.Max(1, latency / LatencyUnitTicks);
    }

    /// <summary>Records how long an answer took: a slower one than the estimate replaces it at once, a faster one pulls it down over time.</summary>
    internal void Sample(long started, long now, double floorTicks = 0)
    {
        var sample = Math.Max(now - started, floorTicks);
        lock (_sampleLock)
        {
            var elapsed = Math.Max(0, now - _lastSample);
            var current = _latencyTicks;
            var next = sample >= current ? sample : current + ((sample - current) * (1 - Math.Exp(-elapsed / DecayTicks)));
            Volatile.Write(ref _latencyTicks, next);
            Volatile.Write(ref _lastSample, now);
        }
    }

    /// <summary>A replica back in rotation starts without the latency of its failures, so it gets traffic again at once.</summary>
    private void ForgetLatency()
    {
        lock (_sampleLock)
        {
            Volatile.Write(ref _latencyTicks, 0);
        }
    }

    internal int Failed() => Interlocked.Increment(ref _consecutiveFailures);

    internal void Succeeded()
    {
        if (Volatile.Read(ref _consecutiveFailures) != 0)
        {
            Volatile.Write(ref _consecutiveFailures, 0);
        }
    }

    /// <summary>Takes the replica out of rotation for a back-off that doubles with each ejection in a row; false when it is out already.</summary>
    internal bool TryEject(long now, TimeSpan first, TimeSpan max, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        // 2 while the back-off is being set, so no one ends the ejection against the previous one's end.
        if (Interlocked.CompareExchange(ref _ejected, 2, 0) != 0)
        {
            return false;
        }

        // Ejections that follow each other (the last ended less than MaxEjectionTime ago) grow; a long healthy stretch starts over.
        var previousEnd = Volatile.Read(ref _ejectedUntil);
        var repeated = previousEnd != 0 && Stopwatch.GetElapsedTime(previousEnd, now) < max;
        var count = repeated ? Math.Min(_ejections + 1, 30) : 1;
        _ejections = count;
        var ticks = Math.Min(first.Ticks * Math.Pow(2, count - 1), max.Ticks);
        duration = TimeSpan.FromTicks((long)ticks);
        Volatile.Write(ref _ejectedUntil, now + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        Volatile.Write(ref _consecutiveFailures, 0);
        Volatile.Write(ref _ejected, 1);
        return true;
    }

    /// <summary>Ends an ejection whose back-off is over (on probation: <paramref name="probation"/> failures put it out again).</summary>
    internal bool TryEndEjection(long now, int probation)
    {
        if (Volatile.Read(ref _ejected) == 0 || now < Volatile.Read(ref _ejectedUntil) || Interlocked.CompareExchange(ref _ejected, 0, 1) != 1)
        {
            return false;
        }

        Volatile.Write(ref _consecutiveFailures, Math.Max(0, probation - 1));
        ForgetLatency();
        return true;
    }

    /// <summary>A passing health check: ends an ejection at once and puts a replica that failed its checks back.</summary>
    internal bool ProbePassed(long now)
    {
        var wasOut = Interlocked.Exchange(ref _probeHealthy, 1) == 0;
        if (Interlocked.CompareExchange(ref _ejected, 0, 1) == 1)
        {
            Volatile.Write(ref _ejectedUntil, now);
            wasOut = true;
        }

        if (wasOut)
        {
            Volatile.Write(ref _consecutiveFailures, 0);
            ForgetLatency();
        }

        return wasOut;
    }

    /// <summary>A failing health check; true when the replica was in rotation until now.</summary>
    internal bool ProbeFailed() => Interlocked.Exchange(ref _probeHealthy, 0) == 1;

    /// <summary>In rotation at <paramref name="now"/> (a <see cref="Stopwatch"/> timestamp): passing its health checks, and not ejected or its back-off over.</summary>
    public bool IsInRotation(long now) => IsProbeHealthy && (!IsEjected || now >= Volatile.Read(ref _ejectedUntil));
}
