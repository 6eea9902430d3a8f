using System.Runtime.CompilerServices;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;

namespace FederatedGateway.Execution.Pipeline.Stages;

/// <summary>
/// Starts the whole-request deadline (<c>Gateway:RequestTimeout</c>) over every later stage: preparation, introspection
/// and every fetch. Fetches cut short by it become null fields with <c>REQUEST_TIMEOUT</c> errors (the executor writes
/// what was fetched in time); work that cannot be partial (preparation, introspection) throws, and is answered here
/// with one <c>REQUEST_TIMEOUT</c> error. A subscription's events each get their own deadline of the same length.
/// </summary>
public sealed class DeadlineStage : IRequestStage
{
    private readonly TimeSpan? _timeout;

    /// <param name="timeout">Zero or <see cref="Timeout.InfiniteTimeSpan"/>: no deadline.</param>
    public DeadlineStage(TimeSpan timeout)
    {
        _timeout = TimeLimit.IsOff(timeout) ? null : timeout;
    }

    public int Order => RequestStageOrder.Deadline;

    /// <summary>The time each request gets; null when there is no deadline.</summary>
    public TimeSpan? Timeout => _timeout;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        using var deadline = RequestDeadline.Start(_timeout, context.RequestAborted);
        context.Deadline = deadline.Token;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.HasPassed)
        {
            var error = RequestError.Of(DeadlineErrors.RequestMessage, DeadlineErrors.Code);
            if (context.Mode == RequestMode.Stream && context.Operation is not null)
            {
                // The operation was accepted: its one event is the error.
                context.Stream = GatewayStream.Of(Single(new GatewayMessage(GatewayMessageKind.Error, GatewayErrors.ErrorsOf(GatewayErrors.Result(GatewayResultKind.RequestError, error)))));
            }
            else
            {
                context.Reject(error);
            }
        }
        finally
        {
            context.Deadline = context.RequestAborted;
        }
    }

    internal static async IAsyncEnumerable<GatewayMessage> Single(GatewayMessage message)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return message;
    }
}
