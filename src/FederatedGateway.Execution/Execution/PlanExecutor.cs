using System.Buffers;
using System.Text;
using System.Text.Json;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Execution;

/// <summary>Runs plan nodes: fetches in sequence or in parallel, entity fetches flattened over the merged data.</summary>
internal sealed class PlanExecutor
{
    private readonly FederatedSchema _schema;
    private readonly SubgraphRegistry _subgraphs;

    // Merging into the shared tree is serialized: fetches run in parallel, merges one at a time.
    private readonly object _mergeLock = new();

    public PlanExecutor(FederatedSchema schema, SubgraphRegistry subgraphs)
    {
        _schema = schema;
        _subgraphs = subgraphs;
    }

    public async Task RunAsync(PlanNode node, ExecutionState state, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case SequenceNode sequence:
                foreach (var child in sequence.Nodes)
                {
                    await RunAsync(child, state, cancellationToken).ConfigureAwait(false);
                }

                break;
            case ParallelNode parallel:
                var tasks = new Task[parallel.Nodes.Count];
                for (var i = 0; i < tasks.Length; i++)
                {
                    tasks[i] = RunAsync(parallel.Nodes[i], state, cancellationToken);
                }

                await Task.WhenAll(tasks).ConfigureAwait(false);
                break;
            case ConditionNode condition:
                var included = state.Booleans.TryGetValue(condition.Variable, out var value) && value;
                var branch = included ? condition.IfClause : condition.ElseClause;
                if (branch is not null)
                {
                    await RunAsync(branch, state, cancellationToken).ConfigureAwait(false);
                }

                break;
            case FetchNode fetch:
                await RootFetchAsync(fetch, state, cancellationToken).ConfigureAwait(false);
                break;
            case FlattenNode flatten:
                await EntityFetchAsync(flatten, state, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task RootFetchAsync(FetchNode fetch, ExecutionState state, CancellationToken cancellationToken)
    {
        var body = BuildBody(fetch, state, null);
        var answer = await SendAsync(fetch, body, state, cancellationToken).ConfigureAwait(false);
        if (answer is not { } root)
        {
            return;
        }

        lock (_mergeLock)
        {
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                ResultMerger.Merge(state.Data, data);
            }

            CollectErrors(root, fetch, state, null);
        }
    }

    private async Task EntityFetchAsync(FlattenNode flatten, ExecutionState state, CancellationToken cancellationToken)
    {
        var fetch = flatten.Node;
        var targets = new List<(ResultObject Object, ResponsePath Path)>();
        lock (_mergeLock)
        {
            foreach (var path in flatten.Paths)
            {
                Collect(state.Data, ResponsePath.Root, path, 0, targets);
            }
        }

        if (targets.Count == 0)
        {
            return;
        }

        // One representation per distinct object; each answer merges into every object that produced it.
        var representations = new List<byte[]>();
        var owners = new List<List<int>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            lock (_mergeLock)
            {
                for (var t = 0; t < targets.Count; t++)
                {
                    buffer.ResetWrittenCount();
                    writer.Reset(buffer);
                    if (!RepresentationWriter.TryWrite(writer, _schema, targets[t].Object, fetch.Requirements))
                    {
                        continue;
                    }

                    writer.Flush();
                    var key = Encoding.UTF8.GetString(buffer.WrittenSpan);
                    if (!index.TryGetValue(key, out var position))
                    {
                        position = representations.Count;
                        index[key] = position;
                        representations.Add(buffer.WrittenSpan.ToArray());
                        owners.Add(new List<int>(1));
                    }

                    owners[position].Add(t);
                }
            }
        }

        if (representations.Count == 0)
        {
            return;
        }

        var body = BuildBody(fetch, state, representations);
        var answer = await SendAsync(fetch, body, state, cancellationToken).ConfigureAwait(false);
        if (answer is not { } root)
        {
            return;
        }

        lock (_mergeLock)
        {
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("_entities", out var entities) && entities.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var entity in entities.EnumerateArray())
                {
                    if (i >= owners.Count)
                    {
                        break;
                    }

                    if (entity.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var owner in owners[i])
                        {
                            ResultMerger.Merge(targets[owner].Object, entity);
                        }
                    }

                    i++;
                }
            }

            CollectErrors(root, fetch, state, (targets, owners));
        }
    }

    private void Collect(object? value, ResponsePath path, IReadOnlyList<PathSegment> segments, int position, List<(ResultObject, ResponsePath)> targets)
    {
        if (value is List<object?> list)
        {
            // Lists are walked whether or not the plan names them (nested lists flatten).
            var skipListSegment = position < segments.Count && segments[position].Kind == PathSegmentKind.List ? 1 : 0;
            for (var i = 0; i < list.Count; i++)
            {
                Collect(list[i], path.Append(i), segments, position + skipListSegment, targets);
            }

            return;
        }

        if (value is not ResultObject obj)
        {
            return;
        }

        if (position == segments.Count)
        {
            targets.Add((obj, path));
            return;
        }

        var segment = segments[position];
        switch (segment.Kind)
        {
            case PathSegmentKind.Field:
                if (obj.TryGetValue(segment.Name!, out var child))
                {
                    Collect(child, path.Append(segment.Name!), segments, position + 1, targets);
                }

                break;
            case PathSegmentKind.List:
                Collect(obj, path, segments, position + 1, targets);
                break;
            case PathSegmentKind.TypeFilter:
                var typename = obj.Typename;
                if (typename is not null && (typename == segment.Name || _schema.Satisfies(typename, segment.Name!)))
                {
                    Collect(obj, path, segments, position + 1, targets);
                }

                break;
        }
    }

    private ReadOnlyMemory<byte> BuildBody(FetchNode fetch, ExecutionState state, List<byte[]>? representations)
    {
        var buffer = new ArrayBufferWriter<byte>(fetch.Operation.Length + 64);
        using var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        writer.WriteString("query", fetch.Operation);
        if (representations is not null || fetch.VariableUsages.Count > 0)
        {
            writer.WriteStartObject("variables");
            if (representations is not null)
            {
                writer.WriteStartArray("representations");
                foreach (var representation in representations)
                {
                    writer.WriteRawValue(representation, skipInputValidation: true);
                }

                writer.WriteEndArray();
            }

            if (state.Variables.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in fetch.VariableUsages)
                {
                    if (state.Variables.TryGetProperty(name, out var value))
                    {
                        writer.WritePropertyName(name);
                        value.WriteTo(writer);
                    }
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenMemory;
    }

    /// <summary>Sends a fetch; returns the answer's root element, or null after recording why there is none.</summary>
    private async Task<JsonElement?> SendAsync(FetchNode fetch, ReadOnlyMemory<byte> body, ExecutionState state, CancellationToken cancellationToken)
    {
        var (url, client) = _subgraphs.Get(fetch.ServiceName);
        var request = new SubgraphRequest(fetch.ServiceName, url, body) { Headers = state.Headers };
        SubgraphResponse response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            state.AddError(new GatewayError($"HTTP fetch failed from '{fetch.ServiceName}': {ex.Message}", null, "SUBREQUEST_HTTP_ERROR", fetch.ServiceName));
            return null;
        }

        if (response.Failure is not null)
        {
            state.AddError(new GatewayError($"HTTP fetch failed from '{fetch.ServiceName}': {response.Failure}", null, response.FailureCode ?? "SUBREQUEST_HTTP_ERROR", fetch.ServiceName));
            response.Dispose();
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(response.Body);
        }
        catch (JsonException)
        {
            var reason = response.StatusCode is >= 200 and < 300 ? "the response is not valid JSON" : $"{response.StatusCode} status and a body that is not JSON";
            state.AddError(new GatewayError($"HTTP fetch failed from '{fetch.ServiceName}': {reason}", null, "SUBREQUEST_MALFORMED_RESPONSE", fetch.ServiceName));
            response.Dispose();
            return null;
        }

        state.Own(response, document);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || (!root.TryGetProperty("data", out _) && !root.TryGetProperty("errors", out _)))
        {
            state.AddError(new GatewayError($"HTTP fetch failed from '{fetch.ServiceName}': the response has neither data nor errors", null, "SUBREQUEST_MALFORMED_RESPONSE", fetch.ServiceName));
            return null;
        }

        if (response.StatusCode is not (>= 200 and < 300) && !root.TryGetProperty("errors", out _))
        {
            state.AddError(new GatewayError($"HTTP fetch failed from '{fetch.ServiceName}': {response.StatusCode} status", null, "SUBREQUEST_HTTP_ERROR", fetch.ServiceName));
        }

        return root;
    }

    private static void CollectErrors(JsonElement root, FetchNode fetch, ExecutionState state, (List<(ResultObject Object, ResponsePath Path)> Targets, List<List<int>> Owners)? entities)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var error in errors.EnumerateArray())
        {
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "Subgraph error";
            var extensions = error.TryGetProperty("extensions", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
            object[]? path = null;
            if (error.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array)
            {
                path = RePath(p, entities);
            }

            state.AddError(new GatewayError(message, path, "DOWNSTREAM_SERVICE_ERROR", fetch.ServiceName, extensions));
        }
    }

    private static object[]? RePath(JsonElement path, (List<(ResultObject Object, ResponsePath Path)> Targets, List<List<int>> Owners)? entities)
    {
        var segments = new List<object>();
        foreach (var segment in path.EnumerateArray())
        {
            segments.Add(segment.ValueKind == JsonValueKind.Number ? segment.GetInt32() : segment.GetString() ?? string.Empty);
        }

        if (entities is not { } e)
        {
            return segments.ToArray();
        }

        if (segments.Count >= 2 && segments[0] is "_entities" && segments[1] is int i && i < e.Owners.Count && e.Owners[i].Count > 0)
        {
            var prefix = e.Targets[e.Owners[i][0]].Path.ToArray();
            return prefix.Concat(segments.Skip(2)).ToArray();
        }

        return null;
    }
}
