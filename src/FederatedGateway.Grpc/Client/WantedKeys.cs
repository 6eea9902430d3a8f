namespace FederatedGateway.Grpc.Client;

/// <summary>
/// The keys a batch lookup asks for, each with the representations that named it: the first index inline, later
/// ones (the same key asked twice) in a list made only then, so a batch of distinct keys allocates one dictionary.
/// </summary>
internal sealed class WantedKeys
{
    private readonly Dictionary<string, int> _first = new(StringComparer.Ordinal);
    private Dictionary<string, List<int>>? _more;

    /// <summary>Records that representation <paramref name="index"/> names <paramref name="key"/>; true the first time the key is named.</summary>
    public bool Add(string key, int index)
    {
        if (_first.TryAdd(key, index))
        {
            return true;
        }

        _more ??= new Dictionary<string, List<int>>(StringComparer.Ordinal);
        if (!_more.TryGetValue(key, out var list))
        {
            _more[key] = list = [];
        }

        list.Add(index);
        return false;
    }

    /// <summary>Takes <paramref name="key"/> out: the representations that named it (first, then any others).</summary>
    public bool Remove(string key, out int first, out List<int>? more)
    {
        more = null;
        if (!_first.Remove(key, out first))
        {
            return false;
        }

        _more?.Remove(key, out more);
        return true;
    }

    /// <summary>The keys not taken out, each as the representations that named it.</summary>
    public IEnumerable<(int First, List<int>? More)> Remaining =>
        _first.Select(pair => (pair.Value, _more?.GetValueOrDefault(pair.Key)));
}
