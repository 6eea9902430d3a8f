using System.Diagnostics;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>
/// CPU time of the calling thread (Linux: <c>/proc/thread-self/schedstat</c>, nanoseconds), so that tests running
/// in parallel do not count against each other; the whole process's elsewhere.
/// </summary>
internal static class CpuTime
{
    public static TimeSpan OfCurrentThread()
    {
        const string path = "/proc/thread-self/schedstat";
        if (File.Exists(path))
        {
            var first = File.ReadAllText(path).Split(' ')[0];
            return TimeSpan.FromTicks(long.Parse(first, System.Globalization.CultureInfo.InvariantCulture) / 100);
        }

        return Process.GetCurrentProcess().TotalProcessorTime;
    }

    /// <summary>Runs <paramref name="action"/> synchronously on this thread and returns its CPU time.</summary>
    public static TimeSpan Measure(Action action)
    {
        var before = OfCurrentThread();
        action();
        return OfCurrentThread() - before;
    }
}
