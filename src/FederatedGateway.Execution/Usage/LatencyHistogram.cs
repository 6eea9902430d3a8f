namespace FederatedGateway.Execution.Usage;

/// <summary>
/// Request latencies in fixed buckets growing by a quarter from 0.1 ms (the last one holds everything from about
/// 70 s up), so histograms of any interval add up and percentiles can be read from any sum of them within 25%.
/// Safe to add to from many threads.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>How many buckets a histogram has.</summary>
    public const int BucketCount = 62;

    private const double FirstBoundMs = 0.1;
    private const double Growth = 1.25;
    private static readonly double LogGrowth = Math.Log(Growth);

    private readonly long[] _counts;

    public LatencyHistogram()
        : this(new long[BucketCount])
    {
    }

    private LatencyHistogram(long[] counts) => _counts = counts;

    /// <summary>The bucket counts (read them once nothing adds any more).</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>The upper bound of bucket <paramref name="index"/> in milliseconds.</summary>
    public static double UpperBoundMs(int index) => index >= BucketCount - 1 ? double.PositiveInfinity : FirstBoundMs * Math.Pow(Growth, index);

    public static int BucketOf(double milliseconds)
    {
        if (!(milliseconds > FirstBoundMs))
        {
            return 0;
        }

        var index = (int)Math.Ceiling(Math.Log(milliseconds / FirstBoundMs) / LogGrowth);
        return Math.Min(index, BucketCount - 1);
    }

    public void Add(double milliseconds) => Interlocked.Increment(ref _counts[BucketOf(milliseconds)]);

    public void AddAll(ReadOnlySpan<long> counts)
    {
        for (var i = 0; i < Math.Min(counts.Length, BucketCount); i++)
        {
            _counts[i] += counts[i];
        }
    }

    /// <summary>The latency at or under which <paramref name="fraction"/> of the requests finished (a bucket's upper bound); 0 when empty.</summary>
    public double Percentile(double fraction)
    {
        long total = 0;
        foreach (var count in _counts)
        {
            total += count;
        }

        if (total == 0)
        {
            return 0;
        }

        var wanted = Math.Max(1, (long)Math.Ceiling(total * fraction));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += _counts[i];
            if (seen >= wanted)
            {
                return i == BucketCount - 1 ? UpperBoundMs(BucketCount - 2) : UpperBoundMs(i);
            }
        }

        return UpperBoundMs(BucketCount - 2);
    }

    /// <summary>The counts as <c>index:count</c> pairs of the non-empty buckets, comma separated (how stores keep it).</summary>
    public string Serialize() =>
        string.Join(',', Enumerable.Range(0, BucketCount).Where(i => _counts[i] != 0).Select(i => FormattableString.Invariant($"{i}:{_counts[i]}")));

    /// <summary>Reads <see cref="Serialize"/>'s form; pairs it cannot read are skipped.</summary>
    public static LatencyHistogram Parse(string? text)
    {
        var counts = new long[BucketCount];
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':');
            if (colon > 0
                && int.TryParse(pair.AsSpan(0, colon), System.Globalization.CultureInfo.InvariantCulture, out var index)
                && long.TryParse(pair.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var count)
                && index is >= 0 and < BucketCount && count > 0)
            {
                counts[index] += count;
            }
        }

        return new LatencyHistogram(counts);
    }
}
