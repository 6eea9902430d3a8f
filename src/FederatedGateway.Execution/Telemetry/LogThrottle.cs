using System.Collections.Concurrent;
using System.Diagnostics;

namespace FederatedGateway.Execution.Telemetry;

/// <summary>
/// Lets one log line per key through per <see cref="Interval"/> and counts the rest, so a failing subgraph that
/// fails ten thousand fetches writes a few lines, each saying how many it stands for.
/// </summary>
internal sealed class LogThrottle
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public LogThrottle(TimeSpan interval) => Interval = interval;

    public TimeSpan Interval { get; }

    /// <summary>Whether a line for <paramref name="key"/> may be written now; if so, how many were held back before it.</summary>
    public bool TryEnter(string key, out long suppressed)
    {
        var window = _windows.GetOrAdd(key, static _ => new Window());
        var now = Stopwatch.GetTimestamp();
        lock (window)
        {
            if (window.LastWritten != 0 && Stopwatch.GetElapsedTime(window.LastWritten, now) < Interval)
            {
                window.Suppressed++;
                suppressed = 0;
                return false;
            }

            suppressed = window.Suppressed;
            window.Suppressed = 0;
            window.LastWritten = now;
            return true;
        }
    }

    private sealed class Window
    {
        public long LastWritten;
        public long Suppressed;
    }
}
