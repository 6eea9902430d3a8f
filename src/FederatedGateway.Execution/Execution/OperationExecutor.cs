using System.Buffers;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Executes a prepared operation: runs its plan against the subgraphs, then writes the client response
/// (<c>{"errors":…,"data":…}</c>) as UTF-8 into <paramref name="output"/>.
/// </summary>
public sealed partial class OperationExecutor
{
    private readonly FederatedSchema _schema;
    private readonly SubgraphRegistry _subgraphs;
    private readonly PlanExecutor _plans;

    /// <summary>Errors one response carries at most (<see cref="OperationLimits.MaxErrors"/>); 0 writes them all.</summary>
    public int MaxErrors { get; init; }

    public OperationExecutor(FederatedSchema schema, SubgraphRegistry subgraphs)
    {
        _schema = schema;
        _subgraphs = subgraphs;
        _plans = new PlanExecutor(schema, subgraphs);
    }

    /// <param name="includeQueryPlan">Return the printed plan in <c>extensions.queryPlan.text</c>.</param>
    /// <param name="introspection">The introspection root fields as a UTF-8 JSON object, when the operation has any.</param>
    /// <param name="errorPolicy">What the client sees of subgraph errors; all of them, unlogged, when null.</param>
    /// <param name="cancellationToken">The caller's token: when it fires, execution stops and throws.</param>
    /// <param name="deadline">
    /// Optional, linked to <paramref name="cancellationToken"/>: when it alone fires, what is not fetched yet is null with a
    /// <c>REQUEST_TIMEOUT</c> error and the response is written with the data fetched so far.
    /// </param>
    public async ValueTask ExecuteAsync(
        PreparedOperation operation,
        JsonElement variables,
        IReadOnlyDictionary<string, bool> booleans,
        ReadOnlyMemory<byte> introspection,
        IBufferWriter<byte> output,
        IReadOnlyList<KeyValuePair<string, string>>? forwardHeaders,
        CancellationToken cancellationToken,
        bool includeQueryPlan = false,
        SubgraphErrorPolicy? errorPolicy = null,
        CancellationToken deadline = default)
    {
        using var state = new ExecutionState(variables, booleans, forwardHeaders, errorPolicy, cancellationToken);
        if (operation.Plan.Root is not null)
        {
            await _plans.RunAsync(operation.Plan.Root, state, state.Errors, deadline.CanBeCanceled ? deadline : cancellationToken).ConfigureAwait(false);
        }

        using var introspectionDocument = introspection.IsEmpty ? null : JsonDocument.Parse(introspection);
        using var writer = new Utf8JsonWriter(output, ResponseJson.WriterOptions);
        var responseWriter = new ResponseWriter(_schema, booleans, state.Errors, ResponseShapes.For(operation, booleans), MaxErrors);
        var introspectionRoot = introspectionDocument?.RootElement ?? default;
        var queryPlan = includeQueryPlan ? operation.Plan.Printed : null;
        if (output is PooledBufferWriter rewindable)
        {
            // Most responses have no error and no null to propagate: write them in one pass, and only when that
            // turns out wrong, start over with the checking pass.
            var start = rewindable.WrittenCount;
            if (responseWriter.TryWriteWithoutNulls(writer, operation, state.Data, introspectionRoot, queryPlan))
            {
                writer.Flush();
                return;
            }

            writer.Flush();
            rewindable.ResetTo(start);
            writer.Reset(output);
        }

        responseWriter.Write(writer, operation, state.Data, introspectionRoot, queryPlan);
        writer.Flush();
    }
}
