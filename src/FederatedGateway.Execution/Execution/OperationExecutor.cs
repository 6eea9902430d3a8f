using System.Buffers;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Execution.Compilation;

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
    private readonly OperationCompiler _compiler = new();

    /// <summary>Errors one response carries at most (<see cref="OperationLimits.MaxErrors"/>); 0 writes them all.</summary>
    public int MaxErrors { get; init; }

    /// <summary>The compiled form of <paramref name="operation"/> for this executor's snapshot (compiled once, kept while the operation lives).</summary>
    public CompiledOperation Compile(PreparedOperation operation) => _compiler.Compile(operation);

    public OperationExecutor(FederatedSchema schema, SubgraphRegistry subgraphs)
    {
        _schema = schema;
        _subgraphs = subgraphs;
        _plans = new PlanExecutor(schema, subgraphs);
    }

    /// <summary>Runs <paramref name="input"/>'s plan and writes the client response into <paramref name="output"/>.</summary>
    public async ValueTask ExecuteAsync(ExecutionInput input, IBufferWriter<byte> output)
    {
        var operation = input.Operation;
        var booleans = input.Booleans;
        var compiled = _compiler.Compile(operation);
        using var state = new ExecutionState(compiled, input.Variables, booleans, input.Headers, input.ErrorPolicy, input.Aborted)
        {
            Timings = input.IncludeQueryPlan ? new FetchTimings() : null,
        };
        if (operation.Plan.Root is not null)
        {
            await _plans.RunPlanAsync(operation.Plan.Root, state, state.Errors, input.FetchToken).ConfigureAwait(false);
        }

        var introspection = input.Introspection;
        using var introspectionDocument = introspection.IsEmpty ? null : JsonDocument.Parse(introspection);
        using var writer = new Utf8JsonWriter(output, ResponseJson.WriterOptions);
        var responseWriter = new ResponseWriter(_schema, booleans, state.Errors, compiled.ShapesFor(booleans), MaxErrors);
        var introspectionRoot = introspectionDocument?.RootElement ?? default;
        var queryPlan = input.IncludeQueryPlan ? new PlanExtension(operation.Plan, state.Timings) : null;
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
