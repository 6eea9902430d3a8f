using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace FederatedGateway.Core.Schema;

/// <summary>
/// A read-only map by name that keeps its entries in the order they were declared (a schema's types, a type's fields,
/// a type's subgraphs): lookups go through a <see cref="FrozenDictionary{TKey,TValue}"/>, enumeration walks arrays.
/// </summary>
public sealed class FrozenOrderedDictionary<TValue> : IReadOnlyDictionary<string, TValue>
{
    public static readonly FrozenOrderedDictionary<TValue> Empty = new(Array.Empty<KeyValuePair<string, TValue>>());

    private readonly FrozenDictionary<string, TValue> _lookup;

    /// <summary>Entries in declaration order; a later entry with the same name replaces the earlier one in place.</summary>
    public FrozenOrderedDictionary(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        var keys = new List<string>();
        var values = new List<TValue>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (index.TryGetValue(key, out var at))
            {
                values[at] = value;
                continue;
            }

            index[key] = keys.Count;
            keys.Add(key);
            values.Add(value);
        }

        Keys = keys.ToImmutableArray();
        Values = values.ToImmutableArray();
        _lookup = index.ToFrozenDictionary(pair => pair.Key, pair => values[pair.Value], StringComparer.Ordinal);
    }

    /// <summary>Names in declaration order.</summary>
    public ImmutableArray<string> Keys { get; }

    /// <summary>Values in declaration order.</summary>
    public ImmutableArray<TValue> Values { get; }

    public int Count => Keys.Length;

    public TValue this[string key] => _lookup[key];

    IEnumerable<string> IReadOnlyDictionary<string, TValue>.Keys => Keys;

    IEnumerable<TValue> IReadOnlyDictionary<string, TValue>.Values => Values;

    public bool ContainsKey(string key) => _lookup.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value) => _lookup.TryGetValue(key, out value);

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator()
    {
        for (var i = 0; i < Keys.Length; i++)
        {
            yield return new KeyValuePair<string, TValue>(Keys[i], Values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)this).GetEnumerator();

    /// <summary>Walks the entries in declaration order without allocating.</summary>
    public struct Enumerator
    {
        private readonly FrozenOrderedDictionary<TValue> _map;
        private int _index;

        internal Enumerator(FrozenOrderedDictionary<TValue> map)
        {
            _map = map;
            _index = -1;
        }

        public readonly KeyValuePair<string, TValue> Current => new(_map.Keys[_index], _map.Values[_index]);

        public bool MoveNext() => ++_index < _map.Keys.Length;
    }
}
