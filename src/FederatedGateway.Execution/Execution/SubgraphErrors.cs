using System.Text.Json;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Turns a subgraph's <c>errors</c> into client errors: message and extensions kept or masked as the
/// <see cref="SubgraphErrorPolicy"/> says (<c>locations</c> dropped, <c>serviceName</c> added), paths re-pathed from
/// the subgraph's document to the client's response.
/// </summary>
internal static class SubgraphErrors
{
    public const string DownstreamServiceError = "DOWNSTREAM_SERVICE_ERROR";

    /// <summary>The errors of a root fetch: their paths already are response paths.</summary>
    /// <param name="list">The answer's <c>errors</c> (nothing happens unless it is an array).</param>
    public static void CollectRoot(JsonElement list, FetchNode fetch, SubgraphErrorPolicy policy, List<GatewayError> errors)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        policy.LogHidden(fetch.ServiceName, list);
        foreach (var error in list.EnumerateArray())
        {
            var path = error.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array ? ReadPath(p, 0) : null;
            errors.Add(policy.FromSubgraph(error, path, fetch.ServiceName));
        }
    }

    /// <summary>
    /// The errors of an entity fetch: <c>["_entities", i, …rest]</c> becomes the path of each object that sent
    /// representation <c>i</c>, followed by <c>rest</c>; other errors get <paramref name="flattenPoint"/>.
    /// Call it holding the merge lock.
    /// </summary>
    /// <param name="list">The answer's <c>errors</c> (nothing happens unless it is an array).</param>
    public static void CollectEntities(
        JsonElement list, FetchNode fetch, EntityBatch batch, object[]? flattenPoint, SubgraphErrorPolicy policy, List<GatewayError> errors)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        policy.LogHidden(fetch.ServiceName, list);
        foreach (var error in list.EnumerateArray())
        {
            if (error.TryGetProperty("path", out var p) && EntityIndex(p, batch.RepresentationCount) is { } representation)
            {
                var rest = ReadPath(p, 2);
                if (rest is not null)
                {
                    for (var t = batch.FirstTarget(representation); t >= 0; t = batch.NextTarget(t))
                    {
                        var targetPath = batch.TargetPath(t);
                        errors.Add(policy.FromSubgraph(error, targetPath is null ? flattenPoint : Concat(targetPath, rest), fetch.ServiceName));
                    }

                    continue;
                }
            }

            errors.Add(policy.FromSubgraph(error, flattenPoint, fetch.ServiceName));
        }
    }

    /// <summary>An error for a fetch that produced no usable answer.</summary>
    public static GatewayError FetchFailed(FetchNode fetch, string reason, string code, object[]? path) =>
        new(FetchFailedMessage(fetch, reason), path, code, fetch.ServiceName);

    public static string FetchFailedMessage(FetchNode fetch, string reason) => $"HTTP fetch failed from '{fetch.ServiceName}': {reason}";

    /// <summary>
    /// The response path where a flatten node's objects hang: its fields up to the first list or type filter
    /// (<c>me.positions.@.instrument</c> → <c>["me", "positions"]</c>); null when it starts with a list.
    /// </summary>
    public static object[]? FlattenPoint(IReadOnlyList<PathSegment> path)
    {
        var length = 0;
        while (length < path.Count && path[length].Kind == PathSegmentKind.Field)
        {
            length++;
        }

        if (length == 0)
        {
            return null;
        }

        var result = new object[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = InternalAlias.ClientResponseName(path[i].Name!);
        }

        return result;
    }

    private static int? EntityIndex(JsonElement path, int representations) =>
        path.ValueKind == JsonValueKind.Array
        && path.GetArrayLength() >= 2
        && path[0].ValueKind == JsonValueKind.String && path[0].ValueEquals("_entities"u8)
        && path[1].ValueKind == JsonValueKind.Number && path[1].TryGetInt32(out var index)
        && index >= 0 && index < representations
            ? index
            : null;

    /// <summary>The segments of a JSON path from <paramref name="start"/> on; null when one is neither a name nor an index.</summary>
    private static object[]? ReadPath(JsonElement path, int start)
    {
        var length = path.GetArrayLength();
        var result = new object[Math.Max(0, length - start)];
        var i = 0;
        foreach (var segment in path.EnumerateArray())
        {
            if (i >= start)
            {
                switch (segment.ValueKind)
                {
                    case JsonValueKind.String:
                        var name = segment.GetString()!;
                        result[i - start] = InternalAlias.ClientResponseName(name);
                        break;
                    case JsonValueKind.Number when segment.TryGetInt32(out var index):
                        result[i - start] = index;
                        break;
                    default:
                        return null;
                }
            }

            i++;
        }

        return result;
    }

    private static object[] Concat(object[] prefix, object[] rest)
    {
        if (rest.Length == 0)
        {
            return prefix;
        }

        var result = new object[prefix.Length + rest.Length];
        prefix.CopyTo(result, 0);
        rest.CopyTo(result, prefix.Length);
        return result;
    }
}
