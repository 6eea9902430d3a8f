using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;
using FederatedGateway.Execution.Compilation;
using FederatedGateway.Execution.Telemetry;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Runs plan nodes: sequences in order, parallel nodes at the same time, conditions by their Boolean variable,
/// root fetches merged into the data's root, entity fetches flattened over the merged data. Expected failures
/// (a subgraph down, garbage answers) become errors and the rest of the plan goes on. The token given to
/// <see cref="RunAsync"/> also fires at the request's deadline: fetches it cuts short (or that would start after it)
/// become <c>REQUEST_TIMEOUT</c> errors; only the caller's cancellation (<see cref="ExecutionState.Aborted"/>) is thrown.
/// A plan's root runs through <see cref="RunPlanAsync"/>: by its <see cref="FetchSchedule"/> where it has one.
/// </summary>
internal sealed class PlanExecutor
{
    private const string HttpError = SubgraphFailureCodes.HttpError;
    private const string MalformedResponse = "SUBREQUEST_MALFORMED_RESPONSE";
    private const string EntitiesKey = "_entities";

    private readonly FederatedSchema _schema;
    private readonly SubgraphRegistry _subgraphs;

    public PlanExecutor(FederatedSchema schema, SubgraphRegistry subgraphs)
    {
        _schema = schema;
        _subgraphs = subgraphs;
    }

    /// <summary>
    /// Runs a plan's root (or a subscription's per-event rest): fetch by fetch as its compiled
    /// <see cref="FetchSchedule"/> allows where it has one, each fetch starting once the ones it needs are done;
    /// otherwise as its tree says.
    /// </summary>
    public ValueTask RunPlanAsync(PlanNode node, ExecutionState state, List<GatewayError> errors, CancellationToken cancellationToken) =>
        state.Compiled.ScheduleFor(node) is { } schedule
            ? new ValueTask(RunScheduleAsync(schedule, state, errors, cancellationToken))
            : RunAsync(node, state, errors, cancellationToken);

    /// <summary>
    /// Starts every unit of <paramref name="schedule"/> in plan order, each after its dependencies; errors are added
    /// in plan order once all are done (the same order whatever finishes first).
    /// </summary>
    private async Task RunScheduleAsync(FetchSchedule schedule, ExecutionState state, List<GatewayError> errors, CancellationToken cancellationToken)
    {
        var count = schedule.Units.Count;
        var tasks = new Task[count];
        var unitErrors = new List<GatewayError>[count];
        for (var i = 0; i < count; i++)
        {
            unitErrors[i] = new List<GatewayError>();
            var dependencies = schedule.Dependencies[i];
            if (dependencies.Length == 0 || AllCompletedSuccessfully(tasks, dependencies))
            {
                var running = RunAsync(schedule.Units[i], state, unitErrors[i], cancellationToken);
                tasks[i] = running.IsCompletedSuccessfully ? Task.CompletedTask : running.AsTask();
            }
            else
            {
                tasks[i] = RunAfterAsync(tasks, dependencies, schedule.Units[i], state, unitErrors[i], cancellationToken);
            }
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        finally
        {
            foreach (var list in unitErrors)
            {
                errors.AddRange(list);
            }
        }
    }

    private static bool AllCompletedSuccessfully(Task[] tasks, int[] indexes)
    {
        foreach (var i in indexes)
        {
            if (!tasks[i].IsCompletedSuccessfully)
            {
                return false;
            }
        }

        return true;
    }

    private async Task RunAfterAsync(Task[] tasks, int[] dependencies, PlanNode unit, ExecutionState state, List<GatewayError> errors, CancellationToken cancellationToken)
    {
        if (dependencies.Length == 1)
        {
            await tasks[dependencies[0]].ConfigureAwait(false);
        }
        else
        {
            var waited = new Task[dependencies.Length];
            for (var k = 0; k < waited.Length; k++)
            {
                waited[k] = tasks[dependencies[k]];
            }

            await Task.WhenAll(waited).ConfigureAwait(false);
        }

        await RunAsync(unit, state, errors, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="errors">Where this branch of the plan collects its errors.</param>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask RunAsync(PlanNode node, ExecutionState state, List<GatewayError> errors, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case SequenceNode sequence:
                for (var i = 0; i < sequence.Nodes.Count; i++)
                {
                    await RunAsync(sequence.Nodes[i], state, errors, cancellationToken).ConfigureAwait(false);
                }

                break;
            case ParallelNode parallel:
                await RunParallelAsync(parallel, state, errors, cancellationToken).ConfigureAwait(false);
                break;
            case ConditionNode condition:
                var included = state.Booleans.TryGetValue(condition.Variable, out var value) && value;
                var branch = included ? condition.IfClause : condition.ElseClause;
                if (branch is not null)
                {
                    await RunAsync(branch, state, errors, cancellationToken).ConfigureAwait(false);
                }

                break;
            case FetchNode fetch:
                await RootFetchAsync(fetch, state, errors, cancellationToken).ConfigureAwait(false);
                break;
            case FlattenNode flatten:
                await EntityFetchAsync(flatten, state, errors, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task RunParallelAsync(ParallelNode parallel, ExecutionState state, List<GatewayError> errors, CancellationToken cancellationToken)
    {
        var count = parallel.Nodes.Count;
        var tasks = new Task[count];
        var branchErrors = new List<GatewayError>[count];
        for (var i = 0; i < count; i++)
        {
            branchErrors[i] = new List<GatewayError>();
            var running = RunAsync(parallel.Nodes[i], state, branchErrors[i], cancellationToken);
            if (running.IsCompletedSuccessfully)
            {
                running.GetAwaiter().GetResult();
                tasks[i] = Task.CompletedTask;
            }
            else
            {
                tasks[i] = running.AsTask();
            }
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        foreach (var list in branchErrors)
        {
            errors.AddRange(list);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask RootFetchAsync(FetchNode fetch, ExecutionState state, List<GatewayError> errors, CancellationToken cancellationToken)
    {
        SubgraphAnswer? answer;
        using (var body = SubgraphRequestBody.Write(state.Compiled.Fetch(fetch), state.Variables, null))
        {
            answer = await SendAsync(fetch, body.WrittenMemory, state, errors, null, null, cancellationToken).ConfigureAwait(false);
        }

        if (answer is null)
        {
            return;
        }

        if (answer.Data is { } data)
        {
            lock (state.MergeLock)
            {
                lock (state.Arena.Gate)
                {
                    ResultMerger.Merge(state.Data, data, adopt: !answer.IsShared);
                }
            }
        }

        SubgraphErrors.CollectRoot(answer.Errors, fetch, state.ErrorPolicy, errors);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask EntityFetchAsync(FlattenNode flatten, ExecutionState state, List<GatewayError> errors, CancellationToken cancellationToken)
    {
        var fetch = flatten.Node;
        var compiled = state.Compiled.Fetch(fetch);
        var batch = new EntityBatch(_schema, state.Data, flatten.Paths);
        try
        {
            lock (state.MergeLock)
            {
                batch.Collect();
                if (batch.TargetCount == 0)
                {
                    return;
                }

                batch.BuildRepresentations(fetch.Requirements, compiled.Representations);
            }

            if (batch.RepresentationCount == 0)
            {
                return;
            }

            var flattenPoint = SubgraphErrors.FlattenPoint(flatten.Paths[0]);
            SubgraphAnswer? answer;
            using (var body = SubgraphRequestBody.Write(compiled, state.Variables, batch.RepresentationsJson))
            {
                answer = await SendAsync(fetch, body.WrittenMemory, state, errors, batch, flattenPoint, cancellationToken).ConfigureAwait(false);
            }

            if (answer is null)
            {
                return;
            }

            lock (state.MergeLock)
            {
                if (answer.Data is { } data && data.TryGetValue(EntitiesKey, out var entities) && entities.Ref is List<ResultValue> list)
                {
                    lock (state.Arena.Gate)
                    {
                        batch.MergeAnswers(list, answer.IsShared);
                    }
                }

                // Under the lock: re-pathing walks the data again.
                SubgraphErrors.CollectEntities(answer.Errors, fetch, batch, flattenPoint, state.ErrorPolicy, errors);
            }
        }
        finally
        {
            batch.Release();
        }
    }

    /// <summary>
    /// Sends a fetch and reads its answer (kept alive by <paramref name="state"/>); returns null after recording why
    /// there is none.
    /// </summary>
    /// <param name="batch">The objects of an entity fetch (null for a root fetch): a failure's errors go to their fields.</param>
    /// <param name="failurePath">The path of errors about the fetch as a whole.</param>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<SubgraphAnswer?> SendAsync(
        FetchNode fetch, ReadOnlyMemory<byte> body, ExecutionState state, List<GatewayError> errors, EntityBatch? batch, object[]? failurePath, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            state.Aborted.ThrowIfCancellationRequested();
            errors.Add(DeadlineErrors.FetchCutShort(fetch, failurePath));
            return null;
        }

        var route = _subgraphs.Route(fetch.ServiceName);
        var request = new SubgraphRequest(fetch.ServiceName, route.Url, body) { Headers = state.Headers.For(fetch.ServiceName), Fetch = state.Compiled.Fetch(fetch) };
        var started = Stopwatch.GetTimestamp();
        var activity = FetchTelemetry.Start(fetch.ServiceName, route);
        string? failureCode = null;
        var statusCode = 0;
        Exception? cause = null;
        try
        {
            SubgraphResponse response;
            try
            {
                response = await route.Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !state.Aborted.IsCancellationRequested)
            {
                failureCode = DeadlineErrors.Code;
                errors.Add(DeadlineErrors.FetchCutShort(fetch, failurePath));
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Clients report transport failures as values; an exception is a client bug, still not the caller's problem.
                // Its text stays in the log: it may name hosts and ports.
                failureCode = HttpError;
                cause = ex;
                state.ErrorPolicy.LogClientException(fetch.ServiceName, ex);
                FailedFetchErrors.Add(errors, fetch, "the subgraph client failed (see the gateway log)", HttpError, state, _schema, batch, failurePath);
                return null;
            }

            statusCode = response.StatusCode;
            if (response.Failure is not null)
            {
                // Logged (rate-limited, with its cause) by FetchTelemetry.Stop.
                failureCode = response.FailureCode ?? HttpError;
                cause = response.FailureCause;
                FailedFetchErrors.Add(errors, fetch, response.Failure, failureCode, state, _schema, batch, failurePath, response.FailureIsWholeMessage);
                response.Dispose();
                return null;
            }

            var answer = ReadAnswer(response, state);
            if (answer is null)
            {
                failureCode = MalformedResponse;
                var reason = response.StatusCode is >= 200 and < 300 ? "the response is not valid JSON" : $"{response.StatusCode} status and a body that is not JSON";
                FailedFetchErrors.Add(errors, fetch, reason, MalformedResponse, state, _schema, batch, failurePath);
                return null;
            }

            if (!answer.IsObject || (!answer.HasData && !answer.HasErrors))
            {
                failureCode = MalformedResponse;
                FailedFetchErrors.Add(errors, fetch, "the response has neither data nor errors", MalformedResponse, state, _schema, batch, failurePath);
                return null;
            }

            if (response.StatusCode is not (>= 200 and < 300) && !answer.HasErrors)
            {
                failureCode = HttpError;
                errors.Add(SubgraphErrors.FetchFailed(fetch, $"{response.StatusCode} status", HttpError, failurePath));
            }

            return answer;
        }
        finally
        {
            FetchTelemetry.Stop(activity, started, fetch.ServiceName, route.SourceKind, failureCode, statusCode, state, cause);
            state.Timings?.Record(fetch, started, Stopwatch.GetTimestamp(), statusCode, failureCode);
        }
    }

    /// <summary>
    /// Reads a subgraph's JSON answer, handing its buffer to <paramref name="state"/> (the result's leaves point into
    /// it); null when it is not JSON (the buffer is returned then).
    /// </summary>
    internal static SubgraphAnswer? ReadAnswer(SubgraphResponse response, ExecutionState state)
    {
        SubgraphAnswer answer;
        if (response.Shared is { Takers: > 1 } shared)
        {
            try
            {
                answer = shared.ReadOnce(SharedAnswerReader.Read);
            }
            catch (JsonException)
            {
                response.Dispose();
                return null;
            }

            // The view keeps the shared body (and what was read from it) alive until the response is written.
            state.Own(response, null);
            return answer;
        }

        try
        {
            lock (state.Arena.Gate)
            {
                answer = AnswerReader.Read(response, state.Arena);
            }
        }
        catch (JsonException)
        {
            response.Dispose();
            return null;
        }

        state.Own(response, answer.ErrorsDocument);
        return answer;
    }
}
