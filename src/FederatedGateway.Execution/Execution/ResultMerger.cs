using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Merges subgraph answers (read by <see cref="AnswerReader"/>) into the result tree. Object into object merges
/// key by key, recursively; a list into a list of the same length merges item by item; anything else is replaced
/// by the new value, with one exception given a schema: a <c>__typename</c> naming an abstract type (what an
/// <c>@interfaceObject</c> subgraph answers with) never replaces one naming an object type (what the subgraph owning
/// the interface resolved), whichever fetch finishes last.
/// </summary>
internal static class ResultMerger
{
    private static readonly string TypenameKey = JsonNames.Share("__typename");

    /// <summary>
    /// Merges <paramref name="source"/>, which nothing else holds, into <paramref name="target"/>: its objects and
    /// lists become part of the target as they are.
    /// </summary>
    public static void MergeOwned(ResultObject target, ResultObject source, FederatedSchema? schema = null) => Merge(target, source, adopt: true, schema);

    /// <summary>Merges two values of one key when the source is owned (see <see cref="MergeOwned(ResultObject, ResultObject)"/>).</summary>
    public static ResultValue MergeOwned(ResultValue existing, ResultValue source) => MergeValue(existing, source, adopt: true, null, ResultArena.Unpooled);

    /// <summary>
    /// <see cref="MergeOwned(ResultObject, ResultObject, FederatedSchema)"/> when <paramref name="adopt"/>; otherwise
    /// (an answer shared with other requests, or merged into several objects) a copy of <paramref name="source"/>:
    /// objects and lists are copied (every target owns its own, since later merges work per object); leaves are
    /// immutable and shared.
    /// </summary>
    /// <remarks>Copies come from the target's arena (merges run under the request's merge lock, which guards it).</remarks>
    public static void Merge(ResultObject target, ResultObject source, bool adopt, FederatedSchema? schema = null)
    {
        var arena = target.Arena;
        // Answers mostly bring new keys (an entity fetch adds the fields its subgraph owns).
        target.EnsureCapacity(target.Count + source.Count);
        foreach (var (key, value) in source)
        {
            var index = target.IndexOf(key);
            if (index >= 0)
            {
                if (schema is not null && string.Equals(key, TypenameKey) && KeepsTypename(target.ValueAt(index), value, schema))
                {
                    continue;
                }

                target.SetAt(index, MergeValue(target.ValueAt(index), value, adopt, schema, arena));
            }
            else
            {
                target.Add(key, adopt ? value : Copy(value, arena));
            }
        }
    }

    /// <summary>
    /// Whether an object typed <paramref name="existing"/> keeps it against <paramref name="incoming"/>: an
    /// abstract type's name (an interface object's placeholder) never replaces an object type's.
    /// </summary>
    private static bool KeepsTypename(ResultValue existing, ResultValue incoming, FederatedSchema schema)
    {
        // The same name (nearly every entity merge) is settled on the bytes, before any lookup.
        if (!existing.IsString || !incoming.IsString || existing.Raw.SequenceEqual(incoming.Raw))
        {
            return false;
        }

        return schema.FindType(JsonNames.StringValue(incoming)) is { IsAbstract: true }
            && schema.FindType(JsonNames.StringValue(existing)) is { IsAbstract: false };
    }

    private static ResultValue MergeValue(ResultValue existing, ResultValue source, bool adopt, FederatedSchema? schema, ResultArena arena)
    {
        switch (existing.Ref)
        {
            case ResultObject obj when source.Ref is ResultObject sourceObject:
                Merge(obj, sourceObject, adopt, schema);
                return existing;
            case List<ResultValue> list when source.Ref is List<ResultValue> sourceList && sourceList.Count == list.Count:
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = MergeValue(list[i], sourceList[i], adopt, schema, arena);
                }

                return existing;
            default:
                return adopt ? source : Copy(source, arena);
        }
    }

    /// <summary>A copy of a value: new objects and lists, the same leaves.</summary>
    private static ResultValue Copy(ResultValue value, ResultArena arena)
    {
        switch (value.Ref)
        {
            case ResultObject obj:
                var copy = obj.CopyShallow(arena);
                for (var i = 0; i < copy.Count; i++)
                {
                    var item = copy.ValueAt(i);
                    if (item.Ref is ResultObject or List<ResultValue>)
                    {
                        copy.SetAt(i, Copy(item, arena));
                    }
                }

                return copy;
            case List<ResultValue> list:
                var items = arena.RentList(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    items.Add(Copy(list[i], arena));
                }

                return items;
            default:
                return value;
        }
    }
}
