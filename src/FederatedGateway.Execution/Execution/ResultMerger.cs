using System.Text.Json;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Merges subgraph answers into the result tree (leaves stay borrowed <see cref="JsonElement"/>s). Object into
/// object merges key by key, recursively; a list into a list of the same length merges item by item; anything
/// else is replaced by the new value.
/// </summary>
internal static class ResultMerger
{
    public static object? Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new ResultObject(element.GetPropertyCount());
                foreach (var property in element.EnumerateObject())
                {
                    var key = JsonNames.ResponseKey(property);
                    var index = obj.IndexOf(key);
                    if (index >= 0)
                    {
                        // Two subgraph keys for one response name (internal aliases of one field): merge them.
                        obj.SetAt(index, MergeValue(obj.ValueAt(index), property.Value));
                    }
                    else
                    {
                        obj.Add(key, Convert(property.Value));
                    }
                }

                return obj;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(Convert(item));
                }

                return list;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            default:
                return element;
        }
    }

    /// <summary>Merges the JSON object <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void Merge(ResultObject target, JsonElement source)
    {
        foreach (var property in source.EnumerateObject())
        {
            var key = JsonNames.ResponseKey(property);
            var index = target.IndexOf(key);
            if (index >= 0)
            {
                target.SetAt(index, MergeValue(target.ValueAt(index), property.Value));
            }
            else
            {
                target.Add(key, Convert(property.Value));
            }
        }
    }

    private static object? MergeValue(object? existing, JsonElement source)
    {
        switch (existing)
        {
            case ResultObject obj when source.ValueKind == JsonValueKind.Object:
                Merge(obj, source);
                return obj;
            case List<object?> list when source.ValueKind == JsonValueKind.Array && source.GetArrayLength() == list.Count:
                var i = 0;
                foreach (var item in source.EnumerateArray())
                {
                    list[i] = MergeValue(list[i], item);
                    i++;
                }

                return list;
            default:
                return Convert(source);
        }
    }
}
