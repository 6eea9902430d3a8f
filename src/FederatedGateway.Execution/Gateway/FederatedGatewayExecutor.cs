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
    /// Whether operations may select <c>__schema</c> or <c>__type</c>; when not, they are refused with
    /// <see cref="IntrospectionDisabledCode"/> (<c>__typename</c> always works). On unless the host turns it off.
    /// </summary>
    public bool AllowIntrospection { get; init; } = true;

    /// <summary>What clients see of subgraph errors (masked or exposed) and where the rest is logged; all exposed unless set.</summary>
    public SubgraphErrorPolicy SubgraphErrors { get; init; } = SubgraphErrorPolicy.ExposeAll;

    /// <summary>The <c>extensions.code</c> of an operation refused because it selects introspection while that is off.</summary>
    public const string IntrospectionDisabledCode = "INTROSPECTION_DISABLED";

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
            if (operation.HasIntrospection && !AllowIntrospection)
            {
                return IntrospectionDisabled();
            }

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
                    operation, request.Variables, prepared.BooleanVariables, introspection, output, request.ForwardHeaders, cancellationToken, includePlan, SubgraphErrors, deadline.Token).ConfigureAwait(false);
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

    private static GatewayResult IntrospectionDisabled() =>
        Errors(GatewayResultKind.RequestError, RequestError.Of("Introspection is disabled on this gateway (Gateway:Introspection).", IntrospectionDisabledCode));

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

                WriteExtensions(writer, error);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return new GatewayResult(kind, output.WrittenMemory);
    }

    private static void WriteExtensions(Utf8JsonWriter writer, RequestError error)
    {
        writer.WriteStartObject("extensions");
        writer.WriteString("code", error.Code);
        if (error.Extensions is not null)
        {
            foreach (var (name, value) in error.Extensions)
            {
                if (name == "code")
                {
                    continue;
                }

                writer.WritePropertyName(name);
                switch (value)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case bool b:
                        writer.WriteBooleanValue(b);
                        break;
                    case int i:
                        writer.WriteNumberValue(i);
                        break;
                    case long l:
                        writer.WriteNumberValue(l);
                        break;
                    case double d:
                        writer.WriteNumberValue(d);
                        break;
                    default:
                        writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }
        }

        writer.WriteEndObject();
    }
}
