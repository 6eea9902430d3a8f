using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// The errors of a fetch that produced no usable answer (a subgraph down, garbage, a timeout): one at each client
/// field the fetch would have filled in and which is null for it, as Apollo Router places them — a root fetch's
/// root fields, each entity's fields for an entity fetch. Past <see cref="MaxPerFetch"/> the rest is summed up in
/// one error at the fetch's flatten point, so a failed fetch for many entities cannot multiply the response.
/// </summary>
internal static class FailedFetchErrors
{
    public const int MaxPerFetch = 100;

    /// <param name="batch">The entity fetch's objects (null for a root fetch).</param>
    /// <param name="flattenPoint">Where an error goes that no field can carry.</param>
    /// <param name="wholeMessage"><paramref name="reason"/> is the whole message (no "HTTP fetch failed from …" before it).</param>
    public static void Add(
        List<GatewayError> errors, FetchNode fetch, string reason, string code, ExecutionState state, FederatedSchema schema, EntityBatch? batch, object[]? flattenPoint,
        bool wholeMessage = false)
    {
        var message = wholeMessage ? reason : SubgraphErrors.FetchFailedMessage(fetch, reason);
        var fields = fetch.FilledFields;
        var added = 0;
        var complete = true;
        if (batch is null)
        {
            foreach (var field in fields)
            {
                // Every field of a root fetch is a root field, whatever fragment on the root type it came in.
                if (IsIncluded(field, state) && !Placed(errors, added, field.ResponseName))
                {
                    errors.Add(new GatewayError(message, new object[] { field.ResponseName }, code, fetch.ServiceName));
                    added++;
                }
            }
        }
        else
        {
            // Target paths are found by walking the merged data.
            lock (state.MergeLock)
            {
                var sent = SentTargets(batch);
                for (var target = 0; target < batch.TargetCount && complete; target++)
                {
                    if (!sent[target] || batch.TargetPath(target) is not { } path)
                    {
                        continue;
                    }

                    var typename = batch.TypenameOf(target);
                    foreach (var field in fields)
                    {
                        if (!IsIncluded(field, state) || (field.TypeCondition is not null && (typename is null || !schema.Satisfies(typename, field.TypeCondition))))
                        {
                            continue;
                        }

                        if (added == MaxPerFetch)
                        {
                            complete = false;
                            break;
                        }

                        errors.Add(new GatewayError(message, [.. path, field.ResponseName], code, fetch.ServiceName));
                        added++;
                    }
                }
            }
        }

        if (added == 0 || !complete)
        {
            errors.Add(new GatewayError(message, flattenPoint, code, fetch.ServiceName));
        }
    }

    /// <summary>The targets that had a representation (on this failure path only, so fetches that succeed keep no such flag).</summary>
    private static bool[] SentTargets(EntityBatch batch)
    {
        var sent = new bool[batch.TargetCount];
        for (var representation = 0; representation < batch.RepresentationCount; representation++)
        {
            for (var target = batch.FirstTarget(representation); target >= 0; target = batch.NextTarget(target))
            {
                sent[target] = true;
            }
        }

        return sent;
    }

    private static bool IsIncluded(FilledField field, ExecutionState state)
    {
        foreach (var condition in field.Conditions)
        {
            if (!condition.IsIncluded(state.Booleans))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether one of the last <paramref name="added"/> errors already sits at the root field (a name in two fragments).</summary>
    private static bool Placed(List<GatewayError> errors, int added, string responseName)
    {
        for (var i = errors.Count - added; i < errors.Count; i++)
        {
            if (errors[i].Path is [string name] && name == responseName)
            {
                return true;
            }
        }

        return false;
    }
}
