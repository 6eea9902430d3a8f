using System.Text.Json.Nodes;

namespace FederatedGateway.DifferentialTests.Monolith;

/// <summary>
/// Aliases of one subgraph request (<c>s0</c>, <c>s1</c>, ...) standing for storage keys (field + argument values),
/// so one object can hold the same field with different arguments; <see cref="Rename"/> turns an answer back.
/// </summary>
public sealed class AliasMap
{
    private readonly Dictionary<string, string> _storageKeys = new(StringComparer.Ordinal);

    public string Add(string storageKey)
    {
        var alias = "s" + _storageKeys.Count;
        _storageKeys[alias] = storageKey;
        return alias;
    }

    /// <summary>A deep copy of <paramref name="node"/> with every alias replaced by its storage key.</summary>
    public JsonNode? Rename(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var result = new JsonObject();
                foreach (var (key, value) in o)
                {
                    // Two aliases may stand for one storage key (a key field that is also a plain field): same value.
                    result[key == "__typename" ? key : _storageKeys[key]] = Rename(value);
                }

                return result;
            case JsonArray a:
                return new JsonArray(a.Select(Rename).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
