using System.Collections.Concurrent;
using System.Text.Json;
using FederatedGateway.Core.Planning;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Property names and <c>__typename</c> values of subgraph answers as shared strings: looked up by their raw
/// UTF-8 bytes, so the merge allocates no string per property, and equal names are the same instance
/// (<see cref="ResultObject"/> compares references first). Type-conflict aliases the planner added are mapped back
/// to the data key they stand for once, when a name is first seen (<see cref="InternalAlias.ResponseKey"/>). The tables are bounded: past
/// <see cref="MaxEntries"/> names (a client inventing aliases) strings are allocated as usual.
/// </summary>
internal static class JsonNames
{
    private const int MaxEntries = 16_384;
    private const int MaxLength = 128;

    private static readonly ConcurrentDictionary<byte[], string> s_responseKeys = new(Utf8KeyComparer.Instance);
    private static readonly ConcurrentDictionary<byte[], string> s_values = new(Utf8KeyComparer.Instance);
    private static readonly ConcurrentDictionary<string, string> s_shared = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> s_responseKeyLookup =
        s_responseKeys.GetAlternateLookup<ReadOnlySpan<byte>>();
    private static readonly ConcurrentDictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> s_valueLookup =
        s_values.GetAlternateLookup<ReadOnlySpan<byte>>();

    // In front of the response-key table: a direct-mapped cache of the first names seen per slot, checked with one
    // short byte comparison (an answer repeats a few dozen names thousands of times). Slots are filled once and
    // never replaced, so colliding names cannot make it churn; they take the table.
    private const int RecentSlots = 1024;
    private static readonly Recent?[] s_recentKeys = new Recent?[RecentSlots];

    /// <summary>The client's response name for the property name <paramref name="reader"/> is on.</summary>
    public static string ResponseKey(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (reader.ValueIsEscaped || raw.Length > MaxLength)
        {
            return MapAlias(reader.GetString()!);
        }

        var slot = SlotOf(raw);
        if (s_recentKeys[slot] is { } recent && raw.SequenceEqual(recent.Raw))
        {
            return recent.Name;
        }

        if (s_responseKeyLookup.TryGetValue(raw, out var name))
        {
            s_recentKeys[slot] ??= new Recent(raw.ToArray(), name);
            return name;
        }

        name = Share(MapAlias(reader.GetString()!));
        if (s_responseKeys.Count < MaxEntries)
        {
            s_responseKeyLookup.TryAdd(raw, name);
        }

        return name;
    }

    /// <summary>
    /// The shared instance of a response name, the one the keys of answers use: a lookup by it matches on the first
    /// reference comparison instead of comparing characters.
    /// </summary>
    public static string Share(string name)
    {
        if (s_shared.TryGetValue(name, out var shared))
        {
            return shared;
        }

        return s_shared.Count < MaxEntries ? s_shared.GetOrAdd(name, name) : name;
    }

    /// <summary>The value of a string leaf (a <c>__typename</c>) as a shared string.</summary>
    public static string StringValue(ResultValue value)
    {
        // The raw token of a string keeps its quotes.
        var raw = value.Raw;
        if (raw.Length < 2 || raw.Length > MaxLength + 2 || raw.IndexOf((byte)'\\') >= 0)
        {
            return value.GetString()!;
        }

        raw = raw[1..^1];
        if (s_valueLookup.TryGetValue(raw, out var text))
        {
            return text;
        }

        text = value.GetString()!;
        if (s_values.Count < MaxEntries)
        {
            s_valueLookup.TryAdd(raw, text);
        }

        return text;
    }

    private static int SlotOf(ReadOnlySpan<byte> raw) =>
        raw.IsEmpty ? 0 : (raw.Length * 31 + raw[0] * 7 + raw[raw.Length >> 1] * 3 + raw[^1]) & (RecentSlots - 1);

    private sealed record Recent(byte[] Raw, string Name);

    private static string MapAlias(string name) => InternalAlias.ResponseKey(name);
}
