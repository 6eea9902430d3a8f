using System.Buffers;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Execution;

/// <summary>Subscription events: each one is the answer of the plan's primary fetch, completed by the rest of the plan.</summary>
public sealed partial class OperationExecutor
{
    private const string MalformedEvent = "SUBREQUEST_MALFORMED_RESPONSE";

    /// <summary>Where each subgraph lives (URL overrides applied).</summary>
    /// <summary>How each subgraph of this schema is reached.</summary>
    public SubgraphRegistry Subgraphs => _subgraphs;

    /// <summary>
    /// Merges one event of <paramref name="plan"/>'s primary subscription as if that fetch had answered it, runs the
    /// rest of the plan (entity fetches into other subgraphs) and writes the client response into <paramref name="output"/>.
    /// </summary>
    /// <param name="input">The request (its <see cref="ExecutionInput.Deadline"/> the event's own).</param>
    internal async ValueTask ExecuteEventAsync(ExecutionInput input, SubscriptionNode plan, SubgraphResponse answer, IBufferWriter<byte> output)
    {
        var errorPolicy = input.ErrorPolicy ?? SubgraphErrorPolicy.ExposeAll;
        var compiled = _compiler.Compile(input.Operation);
        using var state = new ExecutionState(compiled, input.Variables, input.Booleans, input.Headers, errorPolicy, input.Aborted);
        var event_ = PlanExecutor.ReadAnswer(answer, state);
        if (event_ is null)
        {
            state.Errors.Add(SubgraphErrors.FetchFailed(plan.Primary, "the event is not valid JSON", MalformedEvent, null));
        }
        else
        {
            if (event_.Data is { } data)
            {
                lock (state.Arena.Gate)
                {
                    ResultMerger.MergeOwned(state.Data, data);
                }
            }

            SubgraphErrors.CollectRoot(event_.Errors, plan.Primary, errorPolicy, state.Errors);
            if (event_.Data is not null && plan.Rest is not null)
            {
                await _plans.RunPlanAsync(plan.Rest, state, state.Errors, input.FetchToken).ConfigureAwait(false);
            }
        }

        using var writer = new Utf8JsonWriter(output, ResponseJson.WriterOptions);
        new ResponseWriter(_schema, input.Booleans, state.Errors, compiled.ShapesFor(input.Booleans), MaxErrors).Write(writer, input.Operation, state.Data, default);
        writer.Flush();
    }

    /// <summary>
    /// The JSON array of client errors for a subscription the subgraph ended with errors
    /// (<see cref="SubgraphEventKind.Error"/>) or whose transport failed (<see cref="SubgraphEventKind.Failed"/>).
    /// </summary>
    internal static ReadOnlyMemory<byte> EventErrors(SubscriptionNode plan, SubgraphEvent ended, SubgraphErrorPolicy errorPolicy)
    {
        var errors = new List<GatewayError>();
        var response = ended.Response;
        if (response.Failure is not null)
        {
            errorPolicy.LogFailure(plan.Primary.ServiceName, response);
            errors.Add(new GatewayError(response.Failure, null, response.FailureCode, plan.Primary.ServiceName));
        }
        else
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errors", out var list))
                {
                    SubgraphErrors.CollectRoot(list, plan.Primary, errorPolicy, errors);
                }

                return WriteErrors(errors, plan);
            }
            catch (JsonException)
            {
                errors.Add(SubgraphErrors.FetchFailed(plan.Primary, "the error message is not valid JSON", MalformedEvent, null));
            }
        }

        return WriteErrors(errors, plan);
    }

    private static ReadOnlyMemory<byte> WriteErrors(List<GatewayError> errors, SubscriptionNode plan)
    {
        if (errors.Count == 0)
        {
            errors.Add(new GatewayError($"The subscription to '{plan.Primary.ServiceName}' ended with an error.", null, SubgraphErrors.DownstreamServiceError, plan.Primary.ServiceName));
        }

        var output = new ArrayBufferWriter<byte>(256);
        using var writer = new Utf8JsonWriter(output, ResponseJson.WriterOptions);
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            error.Write(writer);
        }

        writer.WriteEndArray();
        writer.Flush();
        return output.WrittenMemory;
    }
}
