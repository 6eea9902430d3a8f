using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Merges subgraph answers (read by <see cref="AnswerReader"/>) into the result tree. Object into object merges
/// key by key, recursively; a list into a list of the same length merges item by item; anything else is replaced
/// by the new value, with one exception given a schema: a <c>__typename</c> naming an abstract type (what an
/// <c>@interfaceObject</c> subgraph answers with) never replaces one naming an object type (what the subgraph owning
/// the interface resolved), whichever fetch finishes last. An answer that several objects or requests share is
/// merged by reference and copied only where a later merge writes into it (see <see cref="ResultValue.IsShared"/>).
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
    /// (an answer shared with other requests, or merged into several objects) nothing is copied up front: the
    /// target takes <paramref name="source"/>'s objects and lists marked shared (<see cref="ResultValue.IsShared"/>),
    /// and only those a later merge writes into are copied, then (copy on write; leaves are immutable and never
    /// copied). <paramref name="target"/> itself must not be shared.
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
                target.Add(key, adopt ? value : value.AsShared());
            }
        }
    }

    /// <summary>A list to write into in place of <paramref name="list"/>, which is shared: the same items, objects and lists marked shared.</summary>
    public static List<ResultValue> CopyForWrite(List<ResultValue> list, ResultArena arena)
    {
        var copy = arena.RentList(list.Count);
        foreach (var item in list)
        {
            copy.Add(item.AsShared());
        }

        return copy;
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
                if (existing.IsShared)
                {
                    obj = obj.CopyForWrite(arena, sourceObject.Count);
                }

                Merge(obj, sourceObject, adopt, schema);
                return obj;
            case List<ResultValue> list when source.Ref is List<ResultValue> sourceList && sourceList.Count == list.Count:
                if (existing.IsShared)
                {
                    list = CopyForWrite(list, arena);
                }

                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = MergeValue(list[i], sourceList[i], adopt, schema, arena);
                }

                return list;
            default:
                return adopt ? source : source.AsShared();
        }
    }
}
