using System.Runtime.CompilerServices;
namespace FederatedGateway.Execution.Pipeline.Stages;

/// <summary>
/// Parses the document, checks the limits, validates it, coerces the variables and plans it, through the snapshot's
/// preparer (which caches the prepared document). Any error answers the request.
/// </summary>
public sealed class PrepareStage : IRequestStage
{
    public int Order => RequestStageOrder.Prepare;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        var request = context.Request;
        var prepared = await context.Snapshot.Preparer.PrepareAsync(context.Document, request.OperationName, request.Variables, context.Deadline).ConfigureAwait(false);
        if (!prepared.IsSuccess)
        {
            context.Reject(prepared.Errors);
            return;
        }

        context.Prepared = prepared;
        await next(context).ConfigureAwait(false);
    }
}
