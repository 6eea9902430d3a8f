using System.Diagnostics;
using System.Text.Json;
using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// When each fetch of one request ran, recorded only for a request that asks for its query plan (the IDE's plan panel
/// draws them against the plan): start and duration in milliseconds from the start of execution, and the outcome.
/// Fetches of parallel branches record from several threads.
/// </summary>
internal sealed class FetchTimings
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<Entry> _entries = [];

    /// <param name="failureCode">The fetch's error code, or null when it answered.</param>
    public void Record(FetchNode fetch, long started, long ended, int statusCode, string? failureCode)
    {
        var entry = new Entry(fetch, started, ended, statusCode, failureCode);
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    /// <summary>
    /// <c>{"totalMs":…,"fetches":[{"id","serviceName","startMs","durationMs","status","outcome"}]}</c> in start order;
    /// <c>outcome</c> is <c>ok</c> or the fetch's error code, <c>status</c> the HTTP status (0 when there was none).
    /// </summary>
    public void Write(Utf8JsonWriter writer)
    {
        Entry[] entries;
        lock (_entries)
        {
            entries = [.. _entries];
        }

        Array.Sort(entries, static (a, b) => a.Started.CompareTo(b.Started));
        writer.WriteStartObject();
        writer.WriteNumber("totalMs", Milliseconds(_started, Stopwatch.GetTimestamp()));
        writer.WriteStartArray("fetches");
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", entry.Fetch.Id);
            writer.WriteString("serviceName", entry.Fetch.ServiceName);
            writer.WriteNumber("startMs", Milliseconds(_started, entry.Started));
            writer.WriteNumber("durationMs", Milliseconds(entry.Started, entry.Ended));
            writer.WriteNumber("status", entry.StatusCode);
            writer.WriteString("outcome", entry.FailureCode ?? "ok");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static double Milliseconds(long from, long to) => Math.Round(Stopwatch.GetElapsedTime(from, to).TotalMilliseconds, 3);

    private readonly record struct Entry(FetchNode Fetch, long Started, long Ended, int StatusCode, string? FailureCode);
}
