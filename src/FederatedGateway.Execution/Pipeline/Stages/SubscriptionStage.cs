using System.Buffers;
using System.Runtime.CompilerServices;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Telemetry;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Pipeline.Stages;

/// <summary>
/// Runs a subscription: subscribes to the subgraph that owns its root field, and completes each event with the rest
/// of the plan (entity fetches into other subgraphs), each event under its own deadline. Other operations go on to
/// the next stage. The stream is not bounded by the request's deadline (it ends when either side ends it).
/// </summary>
public sealed class SubscriptionStage : IRequestStage
{
    private readonly TimeSpan? _eventTimeout;

    /// <param name="eventTimeout">The time each event's fetches get; null for no limit.</param>
    public SubscriptionStage(TimeSpan? eventTimeout)
    {
        _eventTimeout = eventTimeout;
    }

    // Just before the execute stage, which it stands in for.
    public int Order => RequestStageOrder.Execute - 1;

    public ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        var operation = context.Operation!;
        if (operation.Kind != OperationKind.Subscription)
        {
            return next(context);
        }

        if (operation.Plan.Root is not SubscriptionNode plan)
        {
            context.Reject(RequestError.Of("The subscription cannot be planned as one subscription to the subgraph that owns its root field.", "QUERY_PLANNING_FAILED"));
            return ValueTask.CompletedTask;
        }

        var route = context.Snapshot.Executor.Subgraphs.Route(plan.Primary.ServiceName);
        if (route.Subscriber is not { } subscriber)
        {
            context.Reject(RequestError.Of($"Subgraph \"{plan.Primary.ServiceName}\" is served by a source without subscriptions ({route.SourceKind}).", "SUBSCRIPTIONS_NOT_SUPPORTED"));
            return ValueTask.CompletedTask;
        }

        context.Stream = GatewayStream.Of(Events(context, ExecuteStage.Input(context), plan, route.Url, subscriber, context.RequestAborted));
        return ValueTask.CompletedTask;
    }

    private async IAsyncEnumerable<GatewayMessage> Events(
        RequestContext context, ExecutionInput input, SubscriptionNode plan, string url, ISubgraphSubscriber subscriber, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var executor = context.Snapshot.Executor;
        var errorPolicy = context.ErrorPolicy;
        var compiled = executor.Compile(input.Operation);
        var primary = compiled.Fetch(plan.Primary);
        // The subscription uses its body for as long as it lasts (reconnects too): a copy, and the pooled one back at once.
        byte[] body;
        using (var written = SubgraphRequestBody.Write(primary, input.Variables, null))
        {
            body = written.WrittenSpan.ToArray();
        }

        var upstream = new SubgraphRequest(plan.Primary.ServiceName, url, body) { Headers = input.Headers?.For(plan.Primary.ServiceName), Fetch = primary };
        var requestSpan = context.Activity?.Context ?? default;
        GatewayMetrics.ActiveSubscriptions.Add(1);
        try
        {
            await foreach (var received in subscriber.SubscribeAsync(upstream, cancellationToken).ConfigureAwait(false))
            {
                GatewayMessage message;
                var eventSpan = SubscriptionTelemetry.StartEvent(requestSpan, plan.Primary.ServiceName, received.Kind);
                using (received)
                {
                    if (received.Kind != SubgraphEventKind.Next)
                    {
                        message = new GatewayMessage(GatewayMessageKind.Error, OperationExecutor.EventErrors(plan, received, errorPolicy));
                    }
                    else
                    {
                        var output = new ArrayBufferWriter<byte>(compiled.ResponseSizeHint);
                        using var deadline = RequestDeadline.Start(_eventTimeout, cancellationToken);
                        await executor.ExecuteEventAsync(input with { Aborted = cancellationToken, Deadline = deadline.Token }, plan, received.Response, output).ConfigureAwait(false);
                        message = new GatewayMessage(GatewayMessageKind.Next, output.WrittenMemory);
                    }
                }

                eventSpan?.Stop();
                yield return message;
                if (message.Kind == GatewayMessageKind.Error)
                {
                    yield break;
                }
            }
        }
        finally
        {
            GatewayMetrics.ActiveSubscriptions.Add(-1);
        }
    }
}
