using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text.Json;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;

namespace FederatedGateway.Execution.Pipeline.Stages;

/// <summary>
/// Runs a query or mutation: its introspection fields, then its plan against the subgraphs, and writes the response
/// (one <see cref="RequestContext.Result"/>, or for a stream, one message). The last stage of the request path.
/// </summary>
public sealed class ExecuteStage : IRequestStage
{
    private readonly bool _exposeQueryPlan;

    /// <param name="exposeQueryPlan">Whether a request may ask for its plan (<c>"extensions": {"queryPlan": true}</c>).</param>
    public ExecuteStage(bool exposeQueryPlan)
    {
        _exposeQueryPlan = exposeQueryPlan;
    }

    public int Order => RequestStageOrder.Execute;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        var operation = context.Operation!;
        var snapshot = context.Snapshot;
        if (operation.HasIntrospection)
        {
            context.Introspection = await snapshot.Introspection.ExecuteAsync(operation, context.Request.Variables, context.Deadline).ConfigureAwait(false);
        }

        context.IncludeQueryPlan = _exposeQueryPlan && AsksForQueryPlan(context.Request.Extensions);
        var input = Input(context);
        var compiled = snapshot.Executor.Compile(operation);
        if (context.Mode == RequestMode.Stream)
        {
            // A stream's message outlives this call, so its buffer is not pooled.
            var message = new ArrayBufferWriter<byte>(compiled.ResponseSizeHint);
            await snapshot.Executor.ExecuteAsync(input, message).ConfigureAwait(false);
            context.Stream = GatewayStream.Of(DeadlineStage.Single(new GatewayMessage(GatewayMessageKind.Next, message.WrittenMemory)));
            return;
        }

        var output = new PooledBufferWriter(compiled.ResponseSizeHint);
        try
        {
            await snapshot.Executor.ExecuteAsync(input, output).ConfigureAwait(false);
        }
        catch
        {
            output.Dispose();
            throw;
        }

        // At most what is pooled: one huge answer must not make every later request of this operation allocate that much up front.
        compiled.ResponseSizeHint = Math.Clamp(output.WrittenCount + (output.WrittenCount / 8), 256, PooledArrays.MaxPooledLength);
        context.Result = new GatewayResult(GatewayResultKind.Executed, output.WrittenMemory, output);
    }

    /// <summary>What the executor needs of the request.</summary>
    internal static ExecutionInput Input(RequestContext context) => new()
    {
        Operation = context.Operation!,
        Variables = context.Request.Variables,
        Booleans = context.Prepared!.BooleanVariables,
        Introspection = context.Introspection,
        Headers = context.SubgraphHeaders,
        IncludeQueryPlan = context.IncludeQueryPlan,
        ErrorPolicy = context.ErrorPolicy,
        Aborted = context.RequestAborted,
        Deadline = context.Deadline,
    };

    private static bool AsksForQueryPlan(JsonElement extensions) =>
        extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty("queryPlan", out var value)
        && value.ValueKind == JsonValueKind.True;
}
