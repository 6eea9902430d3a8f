using System.Diagnostics;
using System.Runtime.CompilerServices;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Usage;

/// <summary>
/// Usage analytics: counts each prepared operation per client (name and version) with its outcome and latency into a
/// <see cref="UsageRecorder"/>. It runs right after preparation, so it sees the operation as the client wrote it
/// (before authorization prunes it), and a later refusal (authorization, cost, limits) counts as an error.
/// </summary>
public sealed class UsageStage : IRequestStage
{
    private readonly UsageRecorder _recorder;
    private readonly ConditionalWeakTable<PreparedOperation, OperationUsageProfile> _profiles = new();

    public UsageStage(UsageRecorder recorder) => _recorder = recorder;

    public int Order => RequestStageOrder.Usage;

    public ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        if (context.Operation is not { } operation)
        {
            return next(context);
        }

        var pending = next(context);
        if (pending.IsCompletedSuccessfully)
        {
            Record(context, operation, thrown: false);
            return default;
        }

        return AwaitAndRecord(pending, context, operation);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask AwaitAndRecord(ValueTask pending, RequestContext context, PreparedOperation operation)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch
        {
            Record(context, operation, thrown: true);
            throw;
        }

        Record(context, operation, thrown: false);
    }

    private void Record(RequestContext context, PreparedOperation operation, bool thrown)
    {
        var profile = _profiles.TryGetValue(operation, out var known) ? known : ProfileFirst(operation, context.Snapshot.Schema);
        var failed = thrown || context.Result is { } result && (result.Kind != GatewayResultKind.Executed || ResponseErrors.Present(result.Body.Span));
        var request = context.Request;
        _recorder.Record(profile, request.ClientName, request.ClientVersion, Stopwatch.GetElapsedTime(context.Started).TotalMilliseconds, failed);
    }

    // Apart from Record so that its closure is allocated on an operation's first request only.
    private OperationUsageProfile ProfileFirst(PreparedOperation operation, FederatedSchema schema) =>
        _profiles.GetValue(operation, op => OperationUsageProfile.Of(op, schema));
}
