using System.Text.Json;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// An object of the merged result: response name to value, where a value is a <see cref="ResultObject"/>,
/// a <see cref="List{T}"/> of values, a leaf <see cref="JsonElement"/> borrowed from a subgraph's parsed answer,
/// or null. Objects are small (a handful of fields), so keys and values live in two arrays searched linearly:
/// far fewer allocations than a dictionary per object.
/// </summary>
internal sealed class ResultObject
{
    private string[] _keys;
    private object?[] _values;
    private int _count;

    public ResultObject(int capacity = 4)
    {
        _keys = new string[Math.Max(capacity, 1)];
        _values = new object?[_keys.Length];
    }

    public int Count => _count;

    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : null;
        set
        {
            var index = IndexOf(key);
            if (index >= 0)
            {
                _values[index] = value;
                return;
            }

            if (_count == _keys.Length)
            {
                Array.Resize(ref _keys, _count * 2);
                Array.Resize(ref _values, _count * 2);
            }

            _keys[_count] = key;
            _values[_count] = value;
            _count++;
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public string? Typename =>
        TryGetValue("__typename", out var value) && value is JsonElement { ValueKind: JsonValueKind.String } e
            ? e.GetString()
            : null;

    public Enumerator GetEnumerator() => new(this);

    private int IndexOf(string key)
    {
        var keys = _keys;
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(keys[i], key) || string.Equals(keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public struct Enumerator
    {
        private readonly ResultObject _owner;
        private int _index;

        public Enumerator(ResultObject owner)
        {
            _owner = owner;
            _index = -1;
        }

        public readonly KeyValuePair<string, object?> Current => new(_owner._keys[_index], _owner._values[_index]);

        public bool MoveNext() => ++_index < _owner._count;
    }
}
