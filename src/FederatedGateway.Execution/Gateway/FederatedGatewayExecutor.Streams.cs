using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Gateway;

/// <summary>
/// Streaming transports: a subscription subscribes to the subgraph owning its root field and runs the rest of its
/// plan for every event, on the snapshot it started with (a reload never changes a running subscription).
/// A query or mutation streamed this way has <see cref="RequestTimeout"/> from the start; a subscription has no
/// deadline, but each event's fetches do.
/// </summary>
public sealed partial class FederatedGatewayExecutor : IGatewayStreamExecutor
{
    private static readonly Lazy<ISubgraphSubscriber> s_defaultSubscriber = new(() => new WebSocketSubgraphSubscriber());

    /// <summary>How subscriptions reach subgraphs; <see cref="WebSocketSubgraphSubscriber"/> with default settings unless set.</summary>
    public ISubgraphSubscriber? Subscriber { get; init; }

    /// <inheritdoc />
    /// <remarks><paramref name="request"/>'s variables must stay valid until the stream ends.</remarks>
    public async ValueTask<GatewayStream> StartAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            return GatewayStream.Rejected(Errors(GatewayResultKind.RequestError, RequestError.Of("The gateway has no schema loaded yet.", "SCHEMA_NOT_LOADED")));
        }

        var started = Stopwatch.GetTimestamp();
        PrepareResult prepared;
        using (var deadline = StartDeadline(cancellationToken))
        {
            try
            {
                prepared = await snapshot.Preparer.PrepareAsync(request.Query, request.OperationName, request.Variables, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.HasPassed)
            {
                return GatewayStream.Rejected(TimedOut());
            }
        }

        if (!prepared.IsSuccess)
        {
            return GatewayStream.Rejected(Errors(GatewayResultKind.RequestError, prepared.Errors.ToArray()));
        }

        var operation = prepared.Operation!;
        if (operation.HasIntrospection && !AllowIntrospection)
        {
            return GatewayStream.Rejected(IntrospectionDisabled());
        }

        if (operation.Kind != OperationKind.Subscription)
        {
            if (request.IsGet && operation.Kind == OperationKind.Mutation)
            {
                return GatewayStream.Rejected(Errors(GatewayResultKind.MethodNotAllowed, RequestError.Of("A mutation cannot run over HTTP GET; use POST.", "METHOD_NOT_ALLOWED")));
            }

            return GatewayStream.Of(SingleResult(snapshot, prepared, request, started, cancellationToken));
        }

        var plan = SubscriptionPlan.From(operation.Plan);
        if (plan is null)
        {
            return GatewayStream.Rejected(Errors(GatewayResultKind.RequestError, RequestError.Of(
                "The subscription cannot be planned as one subscription to the subgraph that owns its root field.", "QUERY_PLANNING_FAILED")));
        }

        return GatewayStream.Of(Events(
            snapshot.Executor, operation, prepared.BooleanVariables, plan, request, Subscriber ?? s_defaultSubscriber.Value, SubgraphErrors, cancellationToken));
    }

    private async IAsyncEnumerable<GatewayMessage> SingleResult(
        GatewaySnapshot snapshot, PrepareResult prepared, GatewayRequest request, long started, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await ExecuteOnceAsync(snapshot, prepared, request, started, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a streamed query or mutation with what is left of its deadline.</summary>
    private async Task<GatewayMessage> ExecuteOnceAsync(GatewaySnapshot snapshot, PrepareResult prepared, GatewayRequest request, long started, CancellationToken cancellationToken)
    {
        var operation = prepared.Operation!;
        using var deadline = StartDeadline(cancellationToken, Stopwatch.GetElapsedTime(started));
        try
        {
            ReadOnlyMemory<byte> introspection = default;
            if (operation.HasIntrospection)
            {
                introspection = await snapshot.Introspection.ExecuteAsync(operation, request.Variables, deadline.Token).ConfigureAwait(false);
            }

            var output = new ArrayBufferWriter<byte>(operation.ResponseSizeHint);
            await snapshot.Executor.ExecuteAsync(
                operation, request.Variables, prepared.BooleanVariables, introspection, output, request.ForwardHeaders, cancellationToken, errorPolicy: SubgraphErrors, deadline: deadline.Token).ConfigureAwait(false);
            return new GatewayMessage(GatewayMessageKind.Next, output.WrittenMemory);
        }
        catch (OperationCanceledException) when (deadline.HasPassed)
        {
            return new GatewayMessage(GatewayMessageKind.Error, ErrorsOf(TimedOut()));
        }
    }

    private async IAsyncEnumerable<GatewayMessage> Events(
        OperationExecutor executor,
        PreparedOperation operation,
        IReadOnlyDictionary<string, bool> booleans,
        SubscriptionPlan plan,
        GatewayRequest request,
        ISubgraphSubscriber subscriber,
        SubgraphErrorPolicy errorPolicy,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (url, _) = executor.Subgraphs.Get(plan.Primary.ServiceName);
        var body = SubgraphRequestBody.Write(plan.Primary, request.Variables, null, 0);
        var upstream = new SubgraphRequest(plan.Primary.ServiceName, url, body) { Headers = request.ForwardHeaders };
        await foreach (var received in subscriber.SubscribeAsync(upstream, cancellationToken).ConfigureAwait(false))
        {
            GatewayMessage message;
            using (received)
            {
                if (received.Kind != SubgraphEventKind.Next)
                {
                    message = new GatewayMessage(GatewayMessageKind.Error, OperationExecutor.EventErrors(plan, received, errorPolicy));
                }
                else
                {
                    var output = new ArrayBufferWriter<byte>(operation.ResponseSizeHint);
                    using var deadline = StartDeadline(cancellationToken);
                    await executor.ExecuteEventAsync(
                        operation, plan, received.Response, request.Variables, booleans, request.ForwardHeaders, output, errorPolicy, cancellationToken, deadline.Token).ConfigureAwait(false);
                    message = new GatewayMessage(GatewayMessageKind.Next, output.WrittenMemory);
                }
            }

            yield return message;
            if (message.Kind == GatewayMessageKind.Error)
            {
                yield break;
            }
        }
    }

    /// <summary>The <c>errors</c> array of a refused request's body (<c>{"errors":[…]}</c>), for transports that send it alone.</summary>
    public static ReadOnlyMemory<byte> ErrorsOf(GatewayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var document = JsonDocument.Parse(result.Body);
        return document.RootElement.TryGetProperty("errors"u8, out var errors)
            ? System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(errors).ToArray()
            : "[]"u8.ToArray();
    }
}
