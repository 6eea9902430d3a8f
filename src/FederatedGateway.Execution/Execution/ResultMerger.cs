using System.Text.Json;

namespace FederatedGateway.Execution.Execution;

/// <summary>Merges subgraph answers into the result tree (leaves stay borrowed <see cref="JsonElement"/>s).</summary>
internal static class ResultMerger
{
    public static object? Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new ResultObject(CountProperties(element));
                foreach (var property in element.EnumerateObject())
                {
                    obj[Key(property.Name)] = Convert(property.Value);
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

    private static int CountProperties(JsonElement element)
    {
        var count = 0;
        foreach (var _ in element.EnumerateObject())
        {
            count++;
        }

        return count;
    }

    /// <summary>Merges the JSON object <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void Merge(ResultObject target, JsonElement source)
    {
        foreach (var property in source.EnumerateObject())
        {
            var key = Key(property.Name);
            if (target.TryGetValue(key, out var existing) && existing is not null)
            {
                target[key] = MergeValue(existing, property.Value);
            }
            else
            {
                target[key] = Convert(property.Value);
            }
        }
    }

    /// <summary>The client's response name (internal aliases the planner added are mapped back).</summary>
    private static string Key(string name) =>
        name.Contains(Core.Planning.InternalAlias.Marker, StringComparison.Ordinal) ? Core.Planning.InternalAlias.ResponseKey(name) : name;

    private static object? MergeValue(object existing, JsonElement source)
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
                    list[i] = list[i] is null ? Convert(item) : MergeValue(list[i]!, item);
                    i++;
                }

                return list;
            default:
                return Convert(source);
        }
    }
}
