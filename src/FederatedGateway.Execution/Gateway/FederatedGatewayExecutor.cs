using System.Buffers;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Gateway;

/// <summary>
/// The request pipeline behind the HTTP endpoint: prepare (cached), check the HTTP method, answer
/// introspection, execute the plan, write the response. Reads the current snapshot once per request.
/// </summary>
public sealed partial class FederatedGatewayExecutor : IGatewayExecutor
{
    private volatile GatewaySnapshot? _snapshot;

    public FederatedGatewayExecutor(GatewaySnapshot? snapshot = null)
    {
        _snapshot = snapshot;
    }

    public bool IsReady => _snapshot is not null;

    /// <summary>
    /// Whether a request may ask for its query plan (<c>"extensions": {"queryPlan": true}</c>); the plan is then
    /// returned in the response's <c>extensions.queryPlan.text</c>. Off unless the host turns it on.
    /// </summary>
    public bool ExposeQueryPlan { get; init; }

    /// <summary>
    /// Time allowed for a whole request: preparation and every fetch (each also bounded by the subgraph client's own
    /// timeout). What is not fetched when it passes is null with a <c>REQUEST_TIMEOUT</c> error; the rest of the data is
    /// returned. A subscription is not bounded, but each of its events gets this much for its own fetches. Zero or
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off. Default 30 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public GatewaySnapshot? Snapshot => _snapshot;

    /// <summary>Swaps in a new snapshot; requests in flight finish on the one they started with.</summary>
    public void Swap(GatewaySnapshot snapshot) => _snapshot = snapshot;

    public async ValueTask<GatewayResult> ExecuteAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            return Errors(GatewayResultKind.RequestError, RequestError.Of("The gateway has no schema loaded yet.", "SCHEMA_NOT_LOADED"));
        }

        using var deadline = StartDeadline(cancellationToken);
        try
        {
            var prepared = await snapshot.Preparer.PrepareAsync(request.Query, request.OperationName, request.Variables, deadline.Token).ConfigureAwait(false);
            if (!prepared.IsSuccess)
            {
                return Errors(GatewayResultKind.RequestError, prepared.Errors.ToArray());
            }

            var operation = prepared.Operation!;
            if (request.IsGet && operation.Kind != OperationKind.Query)
            {
                return Errors(GatewayResultKind.MethodNotAllowed, RequestError.Of($"A {operation.Kind.ToString().ToLowerInvariant()} cannot run over HTTP GET; use POST.", "METHOD_NOT_ALLOWED"));
            }

            if (operation.Kind == OperationKind.Subscription)
            {
                return Errors(GatewayResultKind.RequestError, RequestError.Of("Subscriptions are not served over a single HTTP response: subscribe over WebSocket (graphql-transport-ws) or Server-Sent Events (Accept: text/event-stream).", "SUBSCRIPTIONS_NOT_SUPPORTED"));
            }

            ReadOnlyMemory<byte> introspection = default;
            if (operation.HasIntrospection)
            {
                introspection = await snapshot.Introspection.ExecuteAsync(operation, request.Variables, deadline.Token).ConfigureAwait(false);
            }

            var output = new PooledBufferWriter(operation.ResponseSizeHint);
            try
            {
                var includePlan = ExposeQueryPlan && AsksForQueryPlan(request.Extensions);
                await snapshot.Executor.ExecuteAsync(
                    operation, request.Variables, prepared.BooleanVariables, introspection, output, request.ForwardHeaders, cancellationToken, includePlan, deadline.Token).ConfigureAwait(false);
            }
            catch
            {
                output.Dispose();
                throw;
            }

            // At most what is pooled: one huge answer must not make every later request of this operation allocate that much up front.
            operation.ResponseSizeHint = Math.Clamp(output.WrittenCount + (output.WrittenCount / 8), 256, PooledArrays.MaxPooledLength);
            return new GatewayResult(GatewayResultKind.Executed, output.WrittenMemory, output);
        }
        catch (OperationCanceledException) when (deadline.HasPassed)
        {
            // Preparation or introspection ran out of time (fetches cut short are errors in the data instead).
            return TimedOut();
        }
    }

    /// <summary>The deadline of a request starting now (none when <see cref="RequestTimeout"/> is off).</summary>
    private RequestDeadline StartDeadline(CancellationToken cancellationToken, TimeSpan elapsed = default) =>
        RequestDeadline.Start(TimeLimit.IsOff(RequestTimeout) ? null : RequestTimeout - elapsed, cancellationToken);

    private static GatewayResult TimedOut() =>
        Errors(GatewayResultKind.RequestError, RequestError.Of(DeadlineErrors.RequestMessage, DeadlineErrors.Code));

    private static bool AsksForQueryPlan(JsonElement extensions) =>
        extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty("queryPlan", out var value)
        && value.ValueKind == JsonValueKind.True;

    private static GatewayResult Errors(GatewayResultKind kind, params RequestError[] errors)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(output, ResponseJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            foreach (var error in errors)
            {
                writer.WriteStartObject();
                writer.WriteString("message", error.Message);
                if (error.Locations.Count > 0)
                {
                    writer.WriteStartArray("locations");
                    foreach (var (line, column) in error.Locations)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("line", line);
                        writer.WriteNumber("column", column);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteStartObject("extensions");
                writer.WriteString("code", error.Code);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return new GatewayResult(kind, output.WrittenMemory);
    }
}
