namespace FederatedGateway.Execution.Execution;

/// <summary>
/// An object of the merged result: response name to <see cref="ResultValue"/> (an object, a list, a leaf borrowed
/// from a subgraph's answer buffer, or null). Keys keep their insertion order. Objects are small (a handful of fields), so keys and values live in
/// one array of pairs searched linearly (names are shared strings, so the search mostly compares references);
/// an object that grows past <see cref="IndexThreshold"/> keys (a root with many aliases) gets a dictionary index.
/// </summary>
internal sealed class ResultObject
{
    private const int IndexThreshold = 16;
    private static readonly string TypenameKey = JsonNames.Share("__typename");

    private readonly ResultArena _arena;
    private Entry[] _entries;
    private int _count;
    private Dictionary<string, int>? _index;

    // The __typename value, read once (a shared string); read again after __typename is written.
    private string? _typename;
    private bool _typenameRead;

    /// <summary>An empty object outside any arena (it grows by plain allocation).</summary>
    public ResultObject(int capacity = 4)
        : this(ResultArena.Unpooled, new Entry[Math.Max(capacity, 1)])
    {
    }

    /// <summary>An empty object of <paramref name="arena"/> (see <see cref="ResultArena.RentObject"/>).</summary>
    internal ResultObject(ResultArena arena, Entry[] entries)
    {
        _arena = arena;
        _entries = entries;
    }

    /// <summary>The arena this object came from; it grows from there.</summary>
    internal ResultArena Arena => _arena;

    /// <summary>An object of these members (distinct keys, in order), with room for <paramref name="spare"/> more, from <paramref name="arena"/>.</summary>
    public static ResultObject Of(ReadOnlySpan<KeyValuePair<string, ResultValue>> members, int spare, ResultArena arena)
    {
        var obj = arena.RentObject(members.Length + spare);
        var entries = obj._entries;
        for (var i = 0; i < members.Length; i++)
        {
            entries[i] = new Entry(members[i].Key, members[i].Value);
        }

        obj._count = members.Length;
        if (obj._count > IndexThreshold)
        {
            obj.BuildIndex();
        }

        return obj;
    }

    /// <summary>The number of entries the object holds before its storage has to grow.</summary>
    internal int Capacity => _entries.Length;

    /// <summary>Gives the object <paramref name="entries"/> (all empty) as its storage and hands back the storage it had (emptied by <see cref="ClearForReuse"/>).</summary>
    internal Entry[] ReplaceStorage(Entry[] entries)
    {
        var old = _entries;
        _entries = entries;
        return old;
    }

    /// <summary>
    /// Empties the object for recycling: every used slot cleared, so the object keeps its storage (it and the object
    /// were allocated together and lie next to each other) but no value of the request before; or, without
    /// <paramref name="keepStorage"/>, with none.
    /// </summary>
    internal void ClearForReuse(bool keepStorage)
    {
        if (keepStorage)
        {
            Array.Clear(_entries, 0, _count);
        }
        else
        {
            _entries = Array.Empty<Entry>();
        }

        _count = 0;
        _index = null;
        _typename = null;
        _typenameRead = false;
    }

    public int Count => _count;

    public ResultValue this[string key]
    {
        get => TryGetValue(key, out var value) ? value : default;
        set
        {
            var index = IndexOf(key);
            if (index >= 0)
            {
                SetAt(index, value);
            }
            else
            {
                Add(key, value);
            }
        }
    }

    /// <summary>The object's <c>__typename</c> when it has a string one.</summary>
    public string? Typename
    {
        get
        {
            if (!_typenameRead)
            {
                _typename = TryGetValue(TypenameKey, out var value) && value.IsString ? JsonNames.StringValue(value) : null;
                _typenameRead = true;
            }

            return _typename;
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out ResultValue value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _entries[index].Value : default;
        return index >= 0;
    }

    /// <summary>
    /// Like <see cref="TryGetValue"/>, for callers reading several keys in the order the object most likely holds
    /// them (a writer following the selection the answer was built from): <paramref name="next"/> is the slot tried
    /// first (one reference compare), then the search; it moves past the key found.
    /// </summary>
    public bool TryGetValueInOrder(string key, ref int next, out ResultValue value)
    {
        var at = next;
        if ((uint)at >= (uint)_count || !ReferenceEquals(_entries[at].Key, key))
        {
            at = IndexOf(key);
            if (at < 0)
            {
                value = default;
                return false;
            }
        }

        next = at + 1;
        value = _entries[at].Value;
        return true;
    }

    /// <summary>The position of <paramref name="key"/>, or -1.</summary>
    public int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        var entries = _entries;
        var count = _count;
        for (var i = 0; i < count; i++)
        {
            // string.Equals compares references, then lengths, before any character.
            if (string.Equals(entries[i].Key, key))
            {
                return i;
            }
        }

        return -1;
    }

    public ResultValue ValueAt(int index) => _entries[index].Value;

    /// <summary>Starts loading the entry array (see <see cref="CachePrefetch"/>); the object itself should be in cache already.</summary>
    internal void PrefetchEntries() => CachePrefetch.Object(_entries);

    public void SetAt(int index, ResultValue value)
    {
        _entries[index].Value = value;
        if (_entries[index].Key == TypenameKey)
        {
            _typenameRead = false;
        }
    }

    /// <summary>Adds a key the object does not have yet (callers check with <see cref="IndexOf"/>).</summary>
    public void Add(string key, ResultValue value)
    {
        if (_count == _entries.Length)
        {
            Grow(Math.Max(_count * 2, 1));
        }

        _entries[_count] = new Entry(key, value);
        _count++;
        if (_index is not null)
        {
            _index[key] = _count - 1;
        }
        else if (_count > IndexThreshold)
        {
            BuildIndex();
        }

        if (key == TypenameKey)
        {
            _typenameRead = false;
        }
    }

    /// <summary>A copy from <paramref name="arena"/> with new entries (values as they are) and the <c>__typename</c> already read, if it was.</summary>
    public ResultObject CopyShallow(ResultArena arena)
    {
        var copy = arena.RentObject(_count);
        copy._count = _count;
        copy._index = _index is null ? null : new Dictionary<string, int>(_index, StringComparer.Ordinal);
        copy._typename = _typename;
        copy._typenameRead = _typenameRead;
        Array.Copy(_entries, copy._entries, _count);
        return copy;
    }

    /// <summary>Makes room for <paramref name="capacity"/> keys at once (a merge adding many keys grows once, not by doubling).</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _entries.Length)
        {
            Grow(capacity);
        }
    }

    /// <summary>Moves the entries into storage of at least <paramref name="capacity"/> slots from the object's arena.</summary>
    private void Grow(int capacity)
    {
        var old = _entries;
        var entries = _arena.RentEntries(capacity);
        Array.Copy(old, entries, _count);
        _entries = entries;
        _arena.ReturnEntries(old, _count);
    }

    private void BuildIndex()
    {
        _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
        for (var i = 0; i < _count; i++)
        {
            _index[_entries[i].Key] = i;
        }
    }

    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator
    {
        private readonly ResultObject _owner;
        private int _index;

        public Enumerator(ResultObject owner)
        {
            _owner = owner;
            _index = -1;
        }

        public readonly KeyValuePair<string, ResultValue> Current => new(_owner._entries[_index].Key, _owner._entries[_index].Value);

        public bool MoveNext() => ++_index < _owner._count;
    }

    /// <summary>One key and its value (storage recycled by <see cref="ResultArena"/>).</summary>
    internal struct Entry
    {
        public Entry(string key, ResultValue value)
        {
            Key = key;
            Value = value;
        }

        public string Key;
        public ResultValue Value;
    }
}
