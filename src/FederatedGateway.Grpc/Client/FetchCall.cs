using System.Buffers;
using System.Text.Json;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Grpc.Codec;
using FederatedGateway.Grpc.Translation;
using Grpc.Core;

namespace FederatedGateway.Grpc.Client;

/// <summary>The RPC calls of one fetch: shared channel, deadline, metadata and cancellation.</summary>
internal sealed class FetchCall
{
    private readonly GrpcSubgraphClient _client;
    private readonly GrpcSchema _schema;
    private readonly SubgraphRequest _request;
    private readonly JsonElement _variables;
    private readonly GrpcChannelPair _channels;
    private readonly DateTime _deadline;
    private readonly Metadata _metadata;
    private readonly CancellationToken _cancellationToken;

    public FetchCall(GrpcSubgraphClient client, GrpcSchema schema, SubgraphRequest request, JsonElement variables, GrpcChannelPair channels, DateTime deadline, CancellationToken cancellationToken)
    {
        _client = client;
        _schema = schema;
        _request = request;
        _variables = variables;
        _channels = channels;
        _deadline = deadline;
        _metadata = GrpcSubgraphClient.ToMetadata(request.Headers);
        _cancellationToken = cancellationToken;
    }

    public async Task<RootResult> RunAsync(RootCall root)
    {
        if (root.Typename is not null || !new ProtoJsonContext(_schema, _variables).IsIncluded(root.Conditions))
        {
            return new RootResult();
        }

        if (root.EntitySelections is not null)
        {
            return new RootResult { Entities = await FetchEntitiesAsync(root).ConfigureAwait(false) };
        }

        byte[] request;
        try
        {
            request = EncodeArguments(root);
        }
        catch (ProtoCodecException ex)
        {
            return new RootResult { Error = new GrpcCallError(ex.Message, GrpcStatusCodes.BadUserInput, Method: root.Rpc!.FullMethod) };
        }

        var (response, error) = await InvokeAsync(root.Rpc!, request).ConfigureAwait(false);
        return new RootResult { Response = response, Error = error };
    }

    /// <summary>The messages of a server-streaming call, each as a root result; arguments that do not encode give one failed result.</summary>
    public async IAsyncEnumerable<RootResult> StreamAsync(RootCall root)
    {
        byte[]? request = null;
        GrpcCallError? invalid = null;
        try
        {
            request = EncodeArguments(root);
        }
        catch (ProtoCodecException ex)
        {
            invalid = new GrpcCallError(ex.Message, GrpcStatusCodes.BadUserInput, Method: root.Rpc!.FullMethod);
        }

        if (invalid is not null)
        {
            yield return new RootResult { Error = invalid };
            yield break;
        }

        // No deadline: a subscription lives until the client or the service ends it.
        var options = new CallOptions(_metadata, null, _cancellationToken);
        using var call = _channels.WriteInvoker.AsyncServerStreamingCall(_client.MethodOf(root.Rpc!), null, options, request!);
        while (await NextAsync(call.ResponseStream).ConfigureAwait(false))
        {
            yield return new RootResult { Response = call.ResponseStream.Current };
        }
    }

    /// <summary>The client's cancellation surfaces as <see cref="OperationCanceledException"/>, not as a CANCELLED status.</summary>
    private async Task<bool> NextAsync(IAsyncStreamReader<byte[]> stream)
    {
        try
        {
            return await stream.MoveNext(_cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && _cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(_cancellationToken);
        }
    }

    private byte[] EncodeArguments(RootCall root)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            ArgumentJson.WriteObject(json, root.Arguments, _variables);
        }

        using var arguments = JsonDocument.Parse(buffer.WrittenMemory);
        return ProtoEncoder.Encode(root.Rpc!.Request, arguments.RootElement, _schema);
    }

    private async Task<EntityItem[]> FetchEntitiesAsync(RootCall root)
    {
        if (_variables.ValueKind != JsonValueKind.Object
            || !_variables.TryGetProperty(root.RepresentationsVariable!, out var representations)
            || representations.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var items = new EntityItem[representations.GetArrayLength()];
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var representation in representations.EnumerateArray())
        {
            var typename = representation.ValueKind == JsonValueKind.Object && representation.TryGetProperty("__typename", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()!
                : "";
            if (!groups.TryGetValue(typename, out var list))
            {
                groups[typename] = list = [];
            }

            list.Add(index++);
        }

        var tasks = new List<Task>();
        foreach (var (typename, indexes) in groups)
        {
            if (!_schema.Entities.TryGetValue(typename, out var entity) || entity.Lookup is null || !root.EntitySelections!.TryGetValue(typename, out var selection))
            {
                var error = new GrpcCallError($"\"{typename}\" is not an entity this gRPC source can look up.", GrpcStatusCodes.PlanFailed);
                foreach (var i in indexes)
                {
                    items[i] = EntityItem.Failed(error);
                }

                continue;
            }

            if (entity.IsBatched)
            {
                tasks.Add(LookupBatchAsync(entity, selection, representations, indexes, items));
            }
            else
            {
                foreach (var i in indexes)
                {
                    tasks.Add(LookupOneAsync(entity, selection, representations[i], i, items));
                }
            }
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        return items;
    }

    /// <summary>
    /// Looks up <paramref name="entity"/> by the key values <paramref name="keys"/> (of its key field
    /// <paramref name="keyName"/>), as an <c>_entities</c> fetch of them would: one item per key.
    /// </summary>
    public async Task<EntityItem[]> LookupAsync(EntityBinding entity, string keyName, IReadOnlyList<string> keys)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (keys.Count * 48));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var key in keys)
            {
                json.WriteStartObject();
                json.WriteString("__typename", entity.Entity.GraphQLName);
                json.WriteString(keyName, key);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var representations = document.RootElement;
        var items = new EntityItem[keys.Count];
        var indexes = Enumerable.Range(0, keys.Count).ToList();
        if (entity.IsBatched)
        {
            await LookupBatchAsync(entity, null, representations, indexes, items).ConfigureAwait(false);
        }
        else
        {
            await Task.WhenAll(indexes.Select(i => LookupOneAsync(entity, null, representations[i], i, items))).ConfigureAwait(false);
        }

        return items;
    }

    private async Task LookupBatchAsync(EntityBinding entity, OutputSelection? selection, JsonElement representations, List<int> indexes, EntityItem[] items)
    {
        var lookup = entity.Lookup!;

        // Paired by key, each distinct key is asked once and every representation of it gets the same answer.
        var wanted = entity.Correspondence == LookupCorrespondence.ByPosition ? null : new WantedKeys();
        byte[] request;
        try
        {
            request = EncodeBatchRequest(entity, representations, indexes, _schema, wanted);
        }
        catch (ProtoCodecException ex)
        {
            Fail(items, indexes, new GrpcCallError(ex.Message, GrpcStatusCodes.BadUserInput, Method: lookup.FullMethod));
            return;
        }

        var (response, error) = await InvokeAsync(lookup, request).ConfigureAwait(false);
        if (response is null)
        {
            Fail(items, indexes, error!);
            return;
        }

        try
        {
            if (wanted is null)
            {
                PairByPosition(entity, selection, response, indexes, items);
            }
            else
            {
                PairByKey(entity, selection, response, wanted, representations, items);
            }
        }
        catch (ProtoCodecException ex)
        {
            Fail(items, indexes, new GrpcCallError(ex.Message, GrpcStatusCodes.MalformedResponse, Method: lookup.FullMethod));
        }
    }

    /// <summary>
    /// The batch lookup's request for the representations at <paramref name="indexes"/>; with <paramref name="wanted"/>
    /// (paired by key) each distinct key once, the representations of each key recorded there.
    /// </summary>
    internal static byte[] EncodeBatchRequest(EntityBinding entity, JsonElement representations, List<int> indexes, GrpcSchema schema, WantedKeys? wanted)
    {
        using var writer = new ProtoWriter();
        var keyField = entity.BatchRequestField!;
        var scalarKey = keyField.Kind == ProtoValueKind.Message ? null : GrpcSchemaTranslator.TopLevelNames(entity.Key).First();
        foreach (var i in indexes)
        {
            var representation = representations[i];
            if (wanted is not null && !wanted.Add(EntityKey.OfStringKey(representation, entity.KeyFields) ?? EntityKey.Of(ProtoEncoder.Encode(entity.Entity, representation, schema), entity.KeyFields), i))
            {
                continue;
            }

            var element = scalarKey is null ? representation
                : representation.TryGetProperty(scalarKey, out var key) ? key
                : throw new ProtoCodecException($"A representation of {entity.Entity.GraphQLName} lacks its key \"{scalarKey}\".");
            ProtoEncoder.WriteItem(writer, keyField, element, schema);
        }

        return writer.ToArray();
    }

    internal static void PairByPosition(EntityBinding entity, OutputSelection? selection, byte[] response, List<int> indexes, EntityItem[] items)
    {
        var found = 0;
        var scanner = new WireScanner(response);
        while (scanner.Next(out var field))
        {
            if (field.Number != entity.BatchResponseField!.Number || field.WireType != WireType.LengthDelimited)
            {
                continue;
            }

            if (found < indexes.Count)
            {
                items[indexes[found]] = new EntityItem(response, field.Start, field.Length, selection, null);
            }

            found++;
        }

        if (found != indexes.Count)
        {
            var lookup = entity.Lookup!;
            Fail(items, indexes, new GrpcCallError(
                $"{lookup.FullMethod} answered {found} entities for {indexes.Count} keys; a lookup paired by position (batch_match BY_POSITION) must answer one per key, in order.",
                GrpcStatusCodes.MalformedResponse, Method: lookup.FullMethod));
        }
    }

    /// <summary>
    /// Pairs each entity answered (a repeated field's element or a map's value) with the keys asked for; a key left
    /// unanswered is null with a NOT_FOUND error at its own path, and entities nobody asked for are ignored.
    /// </summary>
    internal static void PairByKey(EntityBinding entity, OutputSelection? selection, byte[] response, WantedKeys wanted, JsonElement representations, EntityItem[] items)
    {
        var isMap = entity.Correspondence == LookupCorrespondence.ByMap;
        var scanner = new WireScanner(response);
        while (scanner.Next(out var field))
        {
            if (field.Number != entity.BatchResponseField!.Number || field.WireType != WireType.LengthDelimited)
            {
                continue;
            }

            var slice = response.AsSpan(field.Start, field.Length);
            var (start, length) = (field.Start, field.Length);
            string key;
            if (isMap)
            {
                if (!WireScanner.TryFindLast(slice, 2, out var value) || value.WireType != WireType.LengthDelimited)
                {
                    continue;
                }

                key = EntityKey.OfMapEntry(slice);
                (start, length) = (field.Start + value.Start, value.Length);
            }
            else
            {
                key = EntityKey.Of(slice, entity.KeyFields);
            }

            if (wanted.Remove(key, out var first, out var more))
            {
                items[first] = new EntityItem(response, start, length, selection, null);
                foreach (var i in more ?? [])
                {
                    items[i] = new EntityItem(response, start, length, selection, null);
                }
            }
        }

        foreach (var (first, more) in wanted.Remaining)
        {
            var error = NotFound(entity, representations[first]);
            items[first] = EntityItem.Failed(error);
            foreach (var i in more ?? [])
            {
                items[i] = EntityItem.Failed(error);
            }
        }
    }

    private static GrpcCallError NotFound(EntityBinding entity, JsonElement representation)
    {
        var key = string.Join(", ", entity.KeyFields.Select(field =>
            representation.TryGetProperty(field.GraphQLName, out var value) ? $"{field.GraphQLName}: {value.GetRawText()}" : field.GraphQLName + ": null"));
        return new GrpcCallError(
            $"{entity.Lookup!.FullMethod} answered no {entity.Entity.GraphQLName} for {{ {key} }}.",
            GrpcStatusCodes.Name(StatusCode.NotFound), (int)StatusCode.NotFound, entity.Lookup.FullMethod);
    }

    private async Task LookupOneAsync(EntityBinding entity, OutputSelection? selection, JsonElement representation, int index, EntityItem[] items)
    {
        var lookup = entity.Lookup!;
        byte[] request;
        try
        {
            request = ProtoEncoder.Encode(lookup.Request, representation, _schema);
        }
        catch (ProtoCodecException ex)
        {
            items[index] = EntityItem.Failed(new GrpcCallError(ex.Message, GrpcStatusCodes.BadUserInput, Method: lookup.FullMethod));
            return;
        }

        var (response, error) = await InvokeAsync(lookup, request).ConfigureAwait(false);
        if (response is null)
        {
            items[index] = EntityItem.Failed(error!);
            return;
        }

        if (entity.SingleResponseField is not { } wrapper)
        {
            items[index] = new EntityItem(response, 0, response.Length, selection, null);
            return;
        }

        try
        {
            items[index] = WireScanner.TryFindLast(response, wrapper.Number, out var field) && field.WireType == WireType.LengthDelimited
                ? new EntityItem(response, field.Start, field.Length, selection, null)
                : default;
        }
        catch (ProtoCodecException ex)
        {
            items[index] = EntityItem.Failed(new GrpcCallError(ex.Message, GrpcStatusCodes.MalformedResponse, Method: lookup.FullMethod));
        }
    }

    /// <summary>
    /// The client refused an answer over <see cref="GrpcSubgraphClientOptions.MaxReceiveMessageSize"/> (from its length prefix,
    /// before reading it); a RESOURCE_EXHAUSTED status the service sent itself is reported as such.
    /// </summary>
    private static bool IsOverReceiveLimit(RpcException ex) =>
        ex.StatusCode == StatusCode.ResourceExhausted
        && ex.Status.Detail.StartsWith("Received message exceeds the maximum configured message size", StringComparison.Ordinal);

    private static void Fail(EntityItem[] items, List<int> indexes, GrpcCallError error)
    {
        foreach (var i in indexes)
        {
            items[i] = EntityItem.Failed(error);
        }
    }

    /// <summary>
    /// One unary call. Reads go through the retrying channel (UNAVAILABLE is retried by grpc-dotnet within the
    /// deadline), writes through the one that does not retry.
    /// </summary>
    private async Task<(byte[]? Response, GrpcCallError? Error)> InvokeAsync(RpcBinding rpc, byte[] request)
    {
        var invoker = rpc.IsIdempotent ? _channels.ReadInvoker : _channels.WriteInvoker;
        var method = _client.MethodOf(rpc);
        using var span = RpcTelemetry.Start(method);
        try
        {
            using var call = invoker.AsyncUnaryCall(method, null, new CallOptions(_metadata, _deadline, _cancellationToken), request);
            var response = await call.ResponseAsync.ConfigureAwait(false);
            RpcTelemetry.Complete(span, StatusCode.OK);
            return (response, null);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && _cancellationToken.IsCancellationRequested)
        {
            RpcTelemetry.Complete(span, ex.StatusCode);
            throw new OperationCanceledException(_cancellationToken);
        }
        catch (RpcException ex)
        {
            RpcTelemetry.Complete(span, ex.StatusCode);
            return (null, ToError(rpc, ex));
        }
    }

    internal GrpcCallError ToError(RpcBinding rpc, RpcException ex)
    {
        if (IsOverReceiveLimit(ex))
        {
            return new GrpcCallError(
                $"gRPC {rpc.FullMethod} of subgraph \"{_request.ServiceName}\" answered a message larger than {_client.Options.MaxReceiveMessageSize} bytes.",
                SubgraphFailureCodes.ResponseTooLarge, (int)ex.StatusCode, rpc.FullMethod);
        }

        GrpcClientLog.CallFailed(_client.Logger, rpc.FullMethod, _request.ServiceName, _request.Url, ex);
        var detail = string.IsNullOrEmpty(ex.Status.Detail) ? ex.StatusCode.ToString() : ex.Status.Detail;
        if (ex.Status.DebugException is not null)
        {
            // The status was made here, not by the subgraph (no connection, a broken stream): its text names the
            // host and port, so it stays in the log and the client gets the status alone.
            detail = ex.StatusCode == StatusCode.Unavailable
                ? "UNAVAILABLE, no connection could be made (see the gateway log)"
                : $"{GrpcStatusCodes.Name(ex.StatusCode)} (the call did not complete; see the gateway log)";
        }

        var message = ex.StatusCode == StatusCode.DeadlineExceeded
            ? $"gRPC {rpc.FullMethod} of subgraph \"{_request.ServiceName}\" did not answer within its deadline."
            : $"gRPC {rpc.FullMethod} of subgraph \"{_request.ServiceName}\" failed: {detail}";
        return new GrpcCallError(message, GrpcStatusCodes.Name(ex.StatusCode), (int)ex.StatusCode, rpc.FullMethod, GrpcStatusDetails.ToJson(ex));
    }
}
