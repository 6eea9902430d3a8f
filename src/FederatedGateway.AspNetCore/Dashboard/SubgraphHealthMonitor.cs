using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using FederatedGateway.Execution.Telemetry;
using FederatedGateway.Execution.Usage;

namespace FederatedGateway.AspNetCore.Dashboard;

/// <summary>
/// Each subgraph's health over the last <see cref="Window"/> for the dashboard: fetches, failures (and the last
/// failure's code and time) and latency, read from the gateway's own fetch-duration instrument through a
/// <see cref="MeterListener"/>, so the fetch path has nothing of its own to call. Counts sit in 10-second slices
/// per subgraph; a slice older than the window is replaced when its turn comes round again. Subgraph names come from
/// the supergraph, not from clients; even so at most <see cref="MaxSubgraphs"/> are kept.
/// </summary>
internal sealed class SubgraphHealthMonitor : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>A subgraph with at least this share of failed fetches in the window is failing; above <see cref="DegradedRate"/>, degraded.</summary>
    public const double FailingRate = 0.5;

    public const double DegradedRate = 0.01;

    private const int MaxSubgraphs = 1000;

    private static readonly TimeSpan SliceLength = TimeSpan.FromSeconds(10);
    private static readonly int SliceCount = (int)(Window / SliceLength);

    private readonly ConcurrentDictionary<string, Slice[]> _subgraphs = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private readonly MeterListener? _listener;

    /// <param name="listen">Whether to follow the fetch instrument (tests record directly instead).</param>
    public SubgraphHealthMonitor(TimeProvider time, bool listen = true)
    {
        _time = time;
        _started = time.GetUtcNow();
        if (!listen)
        {
            return;
        }

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                // By name: this runs while GatewayMetrics' own initializer creates the instrument, before its property is set.
                if (instrument is Histogram<double> && instrument.Meter.Name == GatewayTelemetry.Name && instrument.Name == GatewayMetrics.FetchDurationName)
                {
                    listener.EnableMeasurementEvents(instrument, this);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>(static (_, seconds, tags, state) => ((SubgraphHealthMonitor)state!).OnFetch(seconds, tags));
        _listener.Start();
    }

    /// <summary>Counts one fetch of <paramref name="subgraph"/>; <paramref name="errorCode"/> is null when it got an answer.</summary>
    public void Record(string subgraph, double milliseconds, string? errorCode)
    {
        if (!_subgraphs.TryGetValue(subgraph, out var slices))
        {
            if (_subgraphs.Count >= MaxSubgraphs)
            {
                return;
            }

            slices = _subgraphs.GetOrAdd(subgraph, static _ => new Slice[SliceCount]);
        }

        var now = _time.GetUtcNow();
        var number = now.UtcTicks / SliceLength.Ticks;
        ref var slot = ref slices[(int)(number % SliceCount)];
        var slice = Volatile.Read(ref slot);
        if (slice is null || slice.Number != number)
        {
            // The slot's turn came round again: a fresh slice (a fetch racing the swap may land in the old one).
            var fresh = new Slice(number);
            slice = Interlocked.CompareExchange(ref slot, fresh, slice) == slice ? fresh : Volatile.Read(ref slot)!;
        }

        slice.Add(milliseconds, errorCode, now);
    }

    /// <summary>Every subgraph of <paramref name="names"/> as it did over the window, in that order.</summary>
    public IReadOnlyList<SubgraphHealth> Read(IEnumerable<string> names)
    {
        var now = _time.GetUtcNow();
        var newest = now.UtcTicks / SliceLength.Ticks;
        var covered = Math.Max(1, Math.Min(Window.TotalSeconds, (now - _started).TotalSeconds));
        return [.. names.Select(name => Summarize(name, newest, covered))];
    }

    public void Dispose() => _listener?.Dispose();

    private SubgraphHealth Summarize(string name, long newest, double coveredSeconds)
    {
        var latency = new LatencyHistogram();
        long fetches = 0, errors = 0;
        Slice? lastFailure = null;
        foreach (var slice in _subgraphs.TryGetValue(name, out var slices) ? slices : [])
        {
            if (slice is null || slice.Number <= newest - SliceCount || slice.Number > newest)
            {
                continue;
            }

            fetches += Interlocked.Read(ref slice.Fetches);
            errors += Interlocked.Read(ref slice.Errors);
            latency.AddAll(slice.Latency.Counts);
            if (slice.LastErrorCode is not null && (lastFailure is null || slice.LastErrorTicks > lastFailure.LastErrorTicks))
            {
                lastFailure = slice;
            }
        }

        var errorRate = fetches == 0 ? 0 : (double)errors / fetches;
        var status = fetches == 0 ? SubgraphHealth.Idle
            : errorRate >= FailingRate ? SubgraphHealth.Failing
            : errorRate > DegradedRate ? SubgraphHealth.Degraded
            : SubgraphHealth.Ok;
        return new SubgraphHealth(
            name,
            status,
            fetches,
            fetches / coveredSeconds,
            errorRate,
            fetches == 0 ? 0 : latency.Percentile(0.5),
            fetches == 0 ? 0 : latency.Percentile(0.95),
            lastFailure?.LastErrorCode,
            lastFailure is null ? null : new DateTimeOffset(Interlocked.Read(ref lastFailure.LastErrorTicks), TimeSpan.Zero));
    }

    private void OnFetch(double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? subgraph = null, outcome = null;
        foreach (var (key, value) in tags)
        {
            if (key == GatewayMetrics.SubgraphTag)
            {
                subgraph = value as string;
            }
            else if (key == GatewayMetrics.FetchOutcomeTag)
            {
                outcome = value as string;
            }
        }

        if (subgraph is not null)
        {
            Record(subgraph, seconds * 1000, outcome is null or GatewayMetrics.FetchSucceeded ? null : outcome);
        }
    }

    private sealed class Slice(long number)
    {
        public readonly long Number = number;
        public readonly LatencyHistogram Latency = new();
        public long Fetches;
        public long Errors;
        public long LastErrorTicks;
        public volatile string? LastErrorCode;

        public void Add(double milliseconds, string? errorCode, DateTimeOffset now)
        {
            Interlocked.Increment(ref Fetches);
            Latency.Add(milliseconds);
            if (errorCode is not null)
            {
                Interlocked.Increment(ref Errors);
                Interlocked.Exchange(ref LastErrorTicks, now.UtcTicks);
                LastErrorCode = errorCode;
            }
        }
    }
}

/// <summary>A subgraph's fetches over <see cref="SubgraphHealthMonitor.Window"/>: status, rate, failures and latency (ms).</summary>
internal sealed record SubgraphHealth(
    string Name, string Status, long Fetches, double FetchesPerSecond, double ErrorRate, double P50, double P95, string? LastError, DateTimeOffset? LastErrorAt)
{
    public const string Ok = "ok";
    public const string Degraded = "degraded";
    public const string Failing = "failing";
    public const string Idle = "idle";
}
