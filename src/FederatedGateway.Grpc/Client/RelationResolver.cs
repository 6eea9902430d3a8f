using FederatedGateway.Grpc.Codec;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// Looks up the entities a fetch's answers point to through relations to this same source (<c>Entry.accountId</c>
/// shown as <c>Entry.account</c>, with <c>Account</c> one of the source's entities): the keys are read from the
/// answers where the selection asks for the relation, each distinct key is looked up once per entity (one batch
/// call when the lookup takes many), then the entities looked up are read the same way for relations selected below
/// them, level by level, until no new key is wanted.
/// </summary>
internal static class RelationResolver
{
    public static async Task<RelationAnswers?> ResolveAsync(FetchCall call, GrpcCallPlan plan, RootResult[] results, ProtoJsonContext context)
    {
        if (!plan.HasResolvedRelations)
        {
            return null;
        }

        var wanted = new List<Wanted>();
        for (var i = 0; i < plan.Roots.Count; i++)
        {
            var root = plan.Roots[i];
            if (!context.IsIncluded(root.Conditions))
            {
                continue;
            }

            if (results[i].Entities is { } entities)
            {
                foreach (var item in entities)
                {
                    if (item.Buffer is not null && item.Selection is { HasResolvedRelations: true } selection)
                    {
                        Collect(item.Buffer.AsSpan(item.Start, item.Length), selection, context, wanted);
                    }
                }
            }
            else if (results[i].Response is { } response && root.Selection is { HasResolvedRelations: true } selection)
            {
                if (root.ResponseField is { } unwrapped)
                {
                    try
                    {
                        CollectField(response, unwrapped, selection, context, wanted);
                    }
                    catch (ProtoCodecException)
                    {
                        // Writing the answer reports it.
                    }
                }
                else
                {
                    Collect(response, selection, context, wanted);
                }
            }
        }

        var answers = new RelationAnswers();
        var read = new HashSet<Wanted>();
        while (wanted.Count > 0)
        {
            await LookUpAsync(call, answers, wanted).ConfigureAwait(false);
            var next = new List<Wanted>();
            foreach (var want in wanted)
            {
                if (want.Selection.HasResolvedRelations && read.Add(want)
                    && answers.TryGet(want.Entity, want.Key, out var item) && item.Buffer is not null)
                {
                    Collect(item.Buffer.AsSpan(item.Start, item.Length), want.Selection, context, next);
                }
            }

            wanted = next;
        }

        return answers;
    }

    /// <summary>Each entity's keys not had yet, looked up at once (the entities concurrently).</summary>
    private static Task LookUpAsync(FetchCall call, RelationAnswers answers, List<Wanted> wanted)
    {
        var keys = new Dictionary<EntityBinding, (string KeyName, List<string> Keys)>();
        var distinct = new HashSet<(EntityBinding, string)>();
        foreach (var want in wanted)
        {
            if (answers.Contains(want.Entity, want.Key) || !distinct.Add((want.Entity, want.Key)))
            {
                continue;
            }

            if (!keys.TryGetValue(want.Entity, out var entry))
            {
                keys[want.Entity] = entry = (want.KeyName, []);
            }

            entry.Keys.Add(want.Key);
        }

        return Task.WhenAll(keys.Select(async pair =>
        {
            var (entity, (keyName, asked)) = (pair.Key, pair.Value);
            var items = await call.LookupAsync(entity, keyName, asked).ConfigureAwait(false);
            lock (answers)
            {
                for (var i = 0; i < asked.Count; i++)
                {
                    answers.Add(entity, asked[i], items[i]);
                }
            }
        }));
    }

    /// <summary>
    /// The relations <paramref name="selection"/> asks for in <paramref name="message"/>, and below it. A malformed
    /// message is left alone here: writing it reports it.
    /// </summary>
    private static void Collect(ReadOnlySpan<byte> message, OutputSelection selection, ProtoJsonContext context, List<Wanted> wanted)
    {
        try
        {
            CollectIn(message, selection, context, wanted);
        }
        catch (ProtoCodecException)
        {
            // Writing the answer reports it.
        }
    }

    private static void CollectIn(ReadOnlySpan<byte> message, OutputSelection selection, ProtoJsonContext context, List<Wanted> wanted)
    {
        foreach (var output in selection.Fields)
        {
            if (!context.IsIncluded(output.Conditions))
            {
                continue;
            }

            switch (output.Kind)
            {
                case OutputFieldKind.Field when output.Child is { HasResolvedRelations: true } child:
                    CollectField(message, output.Field!, child, context, wanted);
                    break;
                case OutputFieldKind.Oneof when output.Members!.Values.Any(member => member.HasResolvedRelations):
                    var oneof = output.Oneof!;
                    if (ProtoJsonWriter.TryFindCase(message, oneof, out var caseIndex, out var found)
                        && output.Members.TryGetValue(oneof.Members[caseIndex], out var member))
                    {
                        CollectIn(oneof.MemberIsWrapper[caseIndex] ? message : message.Slice(found.Start, found.Length), member, context, wanted);
                    }

                    break;
                case OutputFieldKind.Relation when output.RelationSelection is { } related:
                    var relation = output.Relation!;
                    var scanner = new WireScanner(message);
                    var last = (Start: 0, Length: 0);
                    while (scanner.Next(out var occurrence))
                    {
                        if (occurrence.Number != relation.KeyField.Number || occurrence.WireType != WireType.LengthDelimited)
                        {
                            continue;
                        }

                        if (relation.KeyField.IsRepeated)
                        {
                            Want(message.Slice(occurrence.Start, occurrence.Length));
                        }
                        else
                        {
                            last = (occurrence.Start, occurrence.Length);
                        }
                    }

                    if (!relation.KeyField.IsRepeated)
                    {
                        Want(message.Slice(last.Start, last.Length));
                    }

                    void Want(ReadOnlySpan<byte> key)
                    {
                        if (!key.IsEmpty)
                        {
                            wanted.Add(new Wanted(output.RelationEntity!, relation.KeyName, ProtoJsonWriter.RelationKey(key, relation), related));
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The relations asked for below the message value(s) of <paramref name="field"/> in <paramref name="message"/>.</summary>
    private static void CollectField(ReadOnlySpan<byte> message, ProtoField field, OutputSelection child, ProtoJsonContext context, List<Wanted> wanted)
    {
        if (field.Kind != ProtoValueKind.Message || !child.HasResolvedRelations)
        {
            return;
        }

        if (!field.IsRepeated)
        {
            if (WireScanner.TryFindLast(message, field.Number, out var last) && last.WireType == WireType.LengthDelimited)
            {
                CollectIn(message.Slice(last.Start, last.Length), child, context, wanted);
            }

            return;
        }

        var scanner = new WireScanner(message);
        while (scanner.Next(out var occurrence))
        {
            if (occurrence.Number == field.Number && occurrence.WireType == WireType.LengthDelimited)
            {
                CollectIn(message.Slice(occurrence.Start, occurrence.Length), child, context, wanted);
            }
        }
    }

    /// <summary>One entity wanted, with the selection it is wanted for.</summary>
    private readonly record struct Wanted(EntityBinding Entity, string KeyName, string Key, OutputSelection Selection);
}
