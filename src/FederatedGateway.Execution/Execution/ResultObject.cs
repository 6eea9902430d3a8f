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

    private Entry[] _entries;
    private int _count;
    private Dictionary<string, int>? _index;

    // The __typename value, read once (a shared string); read again after __typename is written.
    private string? _typename;
    private bool _typenameRead;

    public ResultObject(int capacity = 4)
    {
        _entries = new Entry[Math.Max(capacity, 1)];
    }

    /// <summary>An object of these members (distinct keys, in order), with room for <paramref name="spare"/> more.</summary>
    public ResultObject(ReadOnlySpan<KeyValuePair<string, ResultValue>> members, int spare = 0)
    {
        _entries = new Entry[Math.Max(members.Length + spare, 1)];
        for (var i = 0; i < members.Length; i++)
        {
            _entries[i] = new Entry(members[i].Key, members[i].Value);
        }

        _count = members.Length;
        if (_count > IndexThreshold)
        {
            BuildIndex();
        }
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
            Array.Resize(ref _entries, _count * 2);
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

    /// <summary>A copy with new entries (values as they are) and the <c>__typename</c> already read, if it was.</summary>
    public ResultObject CopyShallow()
    {
        var copy = new ResultObject(Math.Max(_count, 1))
        {
            _count = _count,
            _index = _index is null ? null : new Dictionary<string, int>(_index, StringComparer.Ordinal),
            _typename = _typename,
            _typenameRead = _typenameRead,
        };
        Array.Copy(_entries, copy._entries, _count);
        return copy;
    }

    /// <summary>Makes room for <paramref name="capacity"/> keys at once (a merge adding many keys grows once, not by doubling).</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _entries.Length)
        {
            Array.Resize(ref _entries, capacity);
        }
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

    private struct Entry
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
