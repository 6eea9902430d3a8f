using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using FederatedGateway.Execution.Compilation;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Telemetry;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Grpc.Codec;
using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Translation;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// Answers subgraph fetches of gRPC sources: the GraphQL operation the planner wrote for the subgraph (root fields or
/// <c>_entities</c>) is compiled once per compiled fetch into RPC calls, the calls go out over a pooled HTTP/2 channel
/// (batched entity lookups take every representation of a fetch in one call), and the answers are written as the
/// GraphQL JSON response the executor merges. Failures become GraphQL errors whose <c>extensions.code</c> is the gRPC
/// status name; reads are retried on UNAVAILABLE within the fetch's deadline.
/// </summary>
public sealed partial class GrpcSubgraphClient : ISubgraphClient, ISubgraphSubscriber, IDisposable
{
    private static readonly Marshaller<byte[]> s_bytes = Marshallers.Create(static b => b, static b => b);

    private readonly IGrpcSchemaProvider _schemas;
    private readonly GrpcSubgraphClientOptions _options;
    private readonly GrpcChannelPool _channels;
    private readonly bool _ownsChannels;
    private readonly ConcurrentDictionary<string, Method<byte[], byte[]>> _methods = new(StringComparer.Ordinal);

    /// <param name="logger">Where failures whose text is kept from clients (hosts, ports) are logged.</param>
    public GrpcSubgraphClient(IGrpcSchemaProvider schemas, GrpcSubgraphClientOptions? options = null, GrpcChannelPool? channels = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        Logger = logger ?? NullLogger.Instance;
        _schemas = schemas;
        _options = options ?? new GrpcSubgraphClientOptions();
        _ownsChannels = channels is null;
        _channels = channels ?? new GrpcChannelPool(_options);
    }

    public async ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        GrpcSchema schema;
        try
        {
            schema = await _schemas.GetSchemaAsync(request.ServiceName, request.Url, cancellationToken).ConfigureAwait(false);
        }
        catch (GrpcSourceException ex)
        {
            // Its text names the reflection server's address: logged by the executor with the cause, not shown.
            return SubgraphResponse.FailedBeforeTransport(SourceUnavailableMessage(request), SourceUnavailable, ex);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request.Body);
        }
        catch (JsonException ex)
        {
            return SubgraphResponse.Failed($"The request to gRPC subgraph \"{request.ServiceName}\" is not JSON: {ex.Message}", GrpcStatusCodes.PlanFailed);
        }

        using (document)
        {
            var root = document.RootElement;
            var query = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : "";
            var variables = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("variables", out var v) ? v : default;
            GrpcCallPlan plan;
            try
            {
                plan = GetPlan(schema, request, query);
            }
            catch (GrpcPlanException ex)
            {
                return Respond(w => GrpcResponseWriter.WriteFailure(w, new GrpcCallError($"gRPC subgraph \"{request.ServiceName}\": {ex.Message}", GrpcStatusCodes.PlanFailed)));
            }

            var call = new FetchCall(this, schema, request, variables, _channels.GetPair(request.Url, request.ServiceName), DateTime.UtcNow + _options.Timeout, cancellationToken);
            var results = new RootResult[plan.Roots.Count];
            if (plan.Kind == RootKind.Mutation)
            {
                for (var i = 0; i < results.Length; i++)
                {
                    results[i] = await call.RunAsync(plan.Roots[i]).ConfigureAwait(false);
                }
            }
            else
            {
                var tasks = new Task<RootResult>[results.Length];
                for (var i = 0; i < tasks.Length; i++)
                {
                    tasks[i] = call.RunAsync(plan.Roots[i]);
                }

                for (var i = 0; i < tasks.Length; i++)
                {
                    results[i] = await tasks[i].ConfigureAwait(false);
                }
            }

            var context = new ProtoJsonContext(schema, variables);
            if (plan.HasResolvedRelations)
            {
                context = context with { Relations = await RelationResolver.ResolveAsync(call, plan, results, context).ConfigureAwait(false) };
            }

            return Respond(w => GrpcResponseWriter.Write(w, plan, results, context));
        }
    }

    /// <summary>The code of a fetch whose source descriptors could not be had (reflection down, bad file).</summary>
    public const string SourceUnavailable = "GRPC_SOURCE_UNAVAILABLE";

    public void Dispose()
    {
        if (_ownsChannels)
        {
            _channels.Dispose();
        }
    }

    /// <summary>
    /// The calls of a fetch: compiled once per compiled fetch (kept in its <see cref="CompiledFetch.SourceState"/> with
    /// the descriptors they were compiled against, and compiled again when those change), so they live and die with
    /// the prepared operation. A request made outside a plan is compiled for itself.
    /// </summary>
    internal static GrpcCallPlan GetPlan(GrpcSchema schema, SubgraphRequest request, string query)
    {
        if (request.Fetch is not { } fetch)
        {
            return GrpcCallPlanCompiler.Compile(schema, query);
        }

        if (fetch.SourceState is CompiledGrpcFetch compiled && ReferenceEquals(compiled.Schema, schema))
        {
            return compiled.Plan;
        }

        var plan = GrpcCallPlanCompiler.Compile(schema, fetch.Node.Operation);
        fetch.SourceState = new CompiledGrpcFetch(schema, plan);
        return plan;
    }

    internal Method<byte[], byte[]> MethodOf(RpcBinding rpc) =>
        _methods.GetOrAdd(rpc.FullMethod, static (_, r) => new Method<byte[], byte[]>(
            r.Method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary, r.ServiceName, r.MethodName, s_bytes, s_bytes), rpc);

    internal GrpcSubgraphClientOptions Options => _options;

    internal ILogger Logger { get; }

    /// <summary>
    /// The error of a subscription whose source's descriptors could not be had. The reason names the reflection
    /// server's address, so it is logged here, not shown.
    /// </summary>
    internal GrpcCallError SourceUnavailableError(SubgraphRequest request, GrpcSourceException ex)
    {
        GrpcClientLog.SourceUnavailable(Logger, request.ServiceName, request.Url, ex.Message);
        return new GrpcCallError(SourceUnavailableMessage(request), SourceUnavailable);
    }

    private static string SourceUnavailableMessage(SubgraphRequest request) =>
        $"gRPC subgraph \"{request.ServiceName}\": its service descriptors could not be loaded (see the gateway log).";

    private static SubgraphResponse Respond(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        var rented = PooledArrays.Rent(Math.Max(buffer.WrittenCount, 1));
        buffer.WrittenSpan.CopyTo(rented);
        return SubgraphResponse.FromBody(rented, buffer.WrittenCount, 200);
    }

    /// <summary>Client headers as gRPC metadata (transport and reserved headers left out).</summary>
    internal static Metadata ToMetadata(IReadOnlyList<KeyValuePair<string, string>>? headers)
    {
        var metadata = new Metadata();

        // Within a gateway fetch span, the subgraph gets that span's trace context, never a forwarded client copy.
        var span = TraceParent.CurrentFetch();
        if (span is not null)
        {
            metadata.Add(TraceParent.Header, TraceParent.Format(span));
            if (span.TraceStateString is { Length: > 0 } traceState)
            {
                metadata.Add(TraceParent.StateHeader, traceState);
            }
        }

        if (headers is null)
        {
            return metadata;
        }

        foreach (var (name, value) in headers)
        {
            var key = name.ToLowerInvariant();
            if (span is not null && TraceParent.IsTraceHeader(key))
            {
                continue;
            }

            if (key is "content-type" or "te" or "host" or "connection" or "user-agent" or "content-length" or "accept-encoding"
                    or "transfer-encoding" or "upgrade" or "keep-alive" or "accept"
                || key.StartsWith("grpc-", StringComparison.Ordinal) || key.StartsWith(':') || key.EndsWith("-bin", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                metadata.Add(key, value);
            }
            catch (ArgumentException)
            {
                // Not a valid metadata key or value: it is not forwarded.
            }
        }

        return metadata;
    }
}
