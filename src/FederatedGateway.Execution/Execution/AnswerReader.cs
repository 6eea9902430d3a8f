using System.Runtime.InteropServices;
using System.Text.Json;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Reads a subgraph's UTF-8 response straight into the result tree in one pass of <see cref="Utf8JsonReader"/>:
/// no intermediate document, and no object per leaf (a leaf is a slice of the response buffer). The whole body is
/// validated as it is read, so a malformed answer throws <see cref="JsonException"/> before anything is merged.
/// </summary>
internal static class AnswerReader
{
    // Scratch space for the members and items of the objects and lists being read, so that each gets an array of
    // exactly its size. Reading is synchronous, so one per thread; very large ones are not kept.
    private const int MaxKeptScratch = 4096;

    // Room left in an object that names its __typename for the fields later entity fetches merge into it, so the
    // common case grows its entries once, or not at all.
    private const int EntitySlack = 4;

    // Keys past which an object being read is searched through a dictionary.
    private const int WideObject = 32;

    [ThreadStatic]
    private static KeyValuePair<string, ResultValue>[]? t_members;

    [ThreadStatic]
    private static ResultValue[]? t_items;

    /// <summary>Reads the body of <paramref name="response"/>; the answer's leaves point into it.</summary>
    /// <exception cref="JsonException">The body is not valid JSON.</exception>
    /// <param name="arena">Where the tree's objects and lists come from.</param>
    public static SubgraphAnswer Read(SubgraphResponse response, ResultArena arena) =>
        Read(MemoryMarshal.TryGetArray(response.Body, out var body) ? body : new ArraySegment<byte>(response.Body.ToArray()), arena);

    /// <summary>Reads a GraphQL response body; the answer's leaves point into <paramref name="body"/>'s array.</summary>
    /// <exception cref="JsonException">The body is not valid JSON.</exception>
    /// <param name="arena">Where the tree's objects and lists come from (none: plain allocations).</param>
    public static SubgraphAnswer Read(ArraySegment<byte> body, ResultArena? arena = null)
    {
        var buffer = body.Array ?? Array.Empty<byte>();
        var offset = body.Offset;
        var reader = new Utf8JsonReader(body.AsSpan());
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            EnsureEnd(ref reader);
            return new SubgraphAnswer { IsObject = false };
        }

        var scratch = new Scratch(t_members ?? new KeyValuePair<string, ResultValue>[64], t_items ?? new ResultValue[64], arena ?? ResultArena.Unpooled);
        ResultObject? data = null;
        JsonDocument? errors = null;
        bool hasData = false, hasErrors = false;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("data"u8))
                {
                    hasData = true;
                    reader.Read();
                    data = reader.TokenType == JsonTokenType.StartObject ? ReadObject(ref reader, buffer, offset, ref scratch) : SkipValue(ref reader);
                }
                else if (reader.ValueTextEquals("errors"u8))
                {
                    hasErrors = true;
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    var isArray = reader.TokenType == JsonTokenType.StartArray;
                    reader.Skip();
                    if (isArray)
                    {
                        errors?.Dispose();
                        errors = JsonDocument.Parse(buffer.AsMemory(offset + start, (int)reader.BytesConsumed - start));
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            EnsureEnd(ref reader);
        }
        catch
        {
            errors?.Dispose();
            throw;
        }
        finally
        {
            scratch.Keep();
        }

        return new SubgraphAnswer { IsObject = true, HasData = hasData, HasErrors = hasErrors, Data = data, ErrorsDocument = errors };
    }

    private static ResultObject? SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    /// <summary>Nothing may follow the response's one value (the reader throws on anything but whitespace).</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the response's JSON value.");
        }
    }

    /// <param name="offset">Where the reader's input starts in <paramref name="buffer"/>.</param>
    private static ResultValue ReadValue(ref Utf8JsonReader reader, byte[] buffer, int offset, ref Scratch scratch)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, buffer, offset, ref scratch);
            case JsonTokenType.StartArray:
                return ReadList(ref reader, buffer, offset, ref scratch);
            case JsonTokenType.String:
                // The token with its quotes; ValueSpan is the raw (still escaped) text between them.
                return new ResultValue(buffer, offset + (int)reader.TokenStartIndex, reader.ValueSpan.Length + 2);
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return new ResultValue(buffer, offset + (int)reader.TokenStartIndex, reader.ValueSpan.Length);
            default:
                return default;
        }
    }

    private static ResultObject ReadObject(ref Utf8JsonReader reader, byte[] buffer, int offset, ref Scratch scratch)
    {
        var frame = scratch.MemberCount;

        // Objects are small and their keys are found by a linear search; a wide one (a map-like custom scalar, a
        // root with many aliases) gets an index once it passes WideObject keys, so reading stays linear.
        Dictionary<string, int>? index = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonNames.ResponseKey(ref reader);
            reader.Read();
            var value = ReadValue(ref reader, buffer, offset, ref scratch);
            var existing = index is null ? scratch.FindMember(frame, key) : index.GetValueOrDefault(key, -1);
            if (existing >= 0)
            {
                // Two subgraph keys for one response name (internal aliases of one field): merge them.
                scratch.SetMember(existing, ResultMerger.MergeOwned(scratch.MemberAt(existing), value));
                continue;
            }

            scratch.AddMember(new KeyValuePair<string, ResultValue>(key, value));
            if (index is not null)
            {
                index[key] = scratch.MemberCount - 1;
            }
            else if (scratch.MemberCount - frame > WideObject)
            {
                index = scratch.IndexMembers(frame);
            }
        }

        var members = scratch.Members(frame);
        var obj = ResultObject.Of(members, HasTypename(members) ? EntitySlack : 0, scratch.Arena);
        scratch.MemberCount = frame;
        return obj;
    }

    /// <summary>Whether an object says its type: entities do, and entity fetches later add their fields to them.</summary>
    private static bool HasTypename(ReadOnlySpan<KeyValuePair<string, ResultValue>> members)
    {
        foreach (var member in members)
        {
            if (string.Equals(member.Key, "__typename"))
            {
                return true;
            }
        }

        return false;
    }

    private static List<ResultValue> ReadList(ref Utf8JsonReader reader, byte[] buffer, int offset, ref Scratch scratch)
    {
        var frame = scratch.ItemCount;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            scratch.AddItem(ReadValue(ref reader, buffer, offset, ref scratch));
        }

        var items = scratch.Items(frame);
        var list = scratch.Arena.RentList(items.Length);
        list.AddRange(items);
        scratch.ItemCount = frame;
        return list;
    }

    /// <summary>Stacks of members and items of the objects and lists being read (each a frame from its start index).</summary>
    private struct Scratch
    {
        private KeyValuePair<string, ResultValue>[] _members;
        private ResultValue[] _items;

        public Scratch(KeyValuePair<string, ResultValue>[] members, ResultValue[] items, ResultArena arena)
        {
            _members = members;
            _items = items;
            Arena = arena;
        }

        /// <summary>Where the objects and lists read come from.</summary>
        public readonly ResultArena Arena;

        public int MemberCount;
        public int ItemCount;

        // The most members and items held at once: how much to clear when done.
        private int _memberPeak;
        private int _itemPeak;

        public readonly int FindMember(int frame, string key)
        {
            for (var i = frame; i < MemberCount; i++)
            {
                if (string.Equals(_members[i].Key, key))
                {
                    return i;
                }
            }

            return -1;
        }

        public readonly ResultValue MemberAt(int index) => _members[index].Value;

        /// <summary>Positions of the members of the frame starting at <paramref name="frame"/>, by key.</summary>
        public readonly Dictionary<string, int> IndexMembers(int frame)
        {
            var index = new Dictionary<string, int>(2 * (MemberCount - frame), StringComparer.Ordinal);
            for (var i = frame; i < MemberCount; i++)
            {
                index[_members[i].Key] = i;
            }

            return index;
        }

        public readonly void SetMember(int index, ResultValue value) => _members[index] = new(_members[index].Key, value);

        public void AddMember(KeyValuePair<string, ResultValue> member)
        {
            if (MemberCount == _members.Length)
            {
                Array.Resize(ref _members, _members.Length * 2);
            }

            _members[MemberCount++] = member;
            _memberPeak = Math.Max(_memberPeak, MemberCount);
        }

        public void AddItem(ResultValue item)
        {
            if (ItemCount == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[ItemCount++] = item;
            _itemPeak = Math.Max(_itemPeak, ItemCount);
        }

        public readonly ReadOnlySpan<KeyValuePair<string, ResultValue>> Members(int frame) => _members.AsSpan(frame, MemberCount - frame);

        public readonly ReadOnlySpan<ResultValue> Items(int frame) => _items.AsSpan(frame, ItemCount - frame);

        /// <summary>Hands the arrays back to the thread, cleared (they hold buffers of a finished request), unless they grew too large.</summary>
        public readonly void Keep()
        {
            Array.Clear(_members, 0, _memberPeak);
            Array.Clear(_items, 0, _itemPeak);
            t_members = _members.Length <= MaxKeptScratch ? _members : null;
            t_items = _items.Length <= MaxKeptScratch ? _items : null;
        }
    }
}
