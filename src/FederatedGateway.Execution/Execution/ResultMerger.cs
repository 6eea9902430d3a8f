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

    /// <summary>
    /// Merges an already converted object into <paramref name="target"/>, as <see cref="Merge(ResultObject, JsonElement)"/>
    /// would merge the JSON it came from. Objects and lists are copied (every target owns its own, since null
    /// propagation and later merges work per object); leaves are immutable and shared.
    /// </summary>
    public static void Merge(ResultObject target, ResultObject source)
    {
        foreach (var (key, value) in source)
        {
            var index = target.IndexOf(key);
            if (index >= 0)
            {
                target.SetAt(index, MergeValue(target.ValueAt(index), value));
            }
            else
            {
                target.Add(key, Copy(value));
            }
        }
    }

    private static object? MergeValue(object? existing, object? source)
    {
        switch (existing)
        {
            case ResultObject obj when source is ResultObject sourceObject:
                Merge(obj, sourceObject);
                return obj;
            case List<object?> list when source is List<object?> sourceList && sourceList.Count == list.Count:
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = MergeValue(list[i], sourceList[i]);
                }

                return list;
            default:
                return Copy(source);
        }
    }

    /// <summary>A copy of a converted value: new objects and lists, the same leaves.</summary>
    public static object? Copy(object? value)
    {
        switch (value)
        {
            case ResultObject obj:
                var copy = new ResultObject(obj.Count);
                foreach (var (key, item) in obj)
                {
                    copy.Add(key, Copy(item));
                }

                return copy;
            case List<object?> list:
                var items = new List<object?>(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    items.Add(Copy(list[i]));
                }

                return items;
            default:
                return value;
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
