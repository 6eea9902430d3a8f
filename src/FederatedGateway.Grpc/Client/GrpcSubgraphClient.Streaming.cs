using System.Runtime.CompilerServices;
using System.Text.Json;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Grpc.Codec;
using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Translation;
using Grpc.Core;

namespace FederatedGateway.Grpc.Client;

public sealed partial class GrpcSubgraphClient
{
    /// <summary>
    /// Runs a subscription operation whose root field is a server-streaming RPC: every message of the stream becomes
    /// one <see cref="SubgraphEventKind.Next"/> event (<c>{"data":{"field":{…}}}</c>, shaped by the operation's
    /// selection). A gRPC failure ends the stream with one <see cref="SubgraphEventKind.Error"/> event carrying the
    /// status-coded error. Cancelling the token (or disposing the enumerator) cancels the call.
    /// </summary>
    public async IAsyncEnumerable<SubgraphEvent> SubscribeAsync(SubgraphRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (schema, plan, variables, failure) = await PrepareSubscriptionAsync(request, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            yield return new SubgraphEvent(SubgraphEventKind.Error, Respond(w => GrpcResponseWriter.WriteErrorsOnly(w, failure)));
            yield break;
        }

        var root = plan!.Roots[0];
        var call = new FetchCall(this, schema!, request, variables, _channels.GetPair(request.Url, request.ServiceName), DateTime.MaxValue, cancellationToken);
        var context = new ProtoJsonContext(schema!, variables);
        await using var messages = call.StreamAsync(root).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            RootResult result;
            try
            {
                if (!await messages.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                result = messages.Current;
            }
            catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
            {
                result = new RootResult { Error = call.ToError(root.Rpc!, ex) };
            }

            if (result.Error is { } error)
            {
                yield return new SubgraphEvent(SubgraphEventKind.Error, Respond(w => GrpcResponseWriter.WriteErrorsOnly(w, error, root.Path)));
                yield break;
            }

            var results = new[] { result };
            var written = context;
            if (plan.HasResolvedRelations)
            {
                // The stream has no deadline; the lookups of each event's relations have the client's.
                var lookups = new FetchCall(this, schema!, request, variables, _channels.GetPair(request.Url, request.ServiceName), DateTime.UtcNow + _options.Timeout, cancellationToken);
                written = context with { Relations = await RelationResolver.ResolveAsync(lookups, plan, results, context).ConfigureAwait(false) };
            }

            yield return new SubgraphEvent(SubgraphEventKind.Next, Respond(w => GrpcResponseWriter.Write(w, plan, results, written)));
        }
    }

    private async Task<(GrpcSchema? Schema, GrpcCallPlan? Plan, JsonElement Variables, GrpcCallError? Failure)> PrepareSubscriptionAsync(
        SubgraphRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var schema = await _schemas.GetSchemaAsync(request.ServiceName, request.Url, cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(request.Body);
            var root = document.RootElement;
            var query = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : "";
            var variables = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("variables", out var v) ? v.Clone() : default;
            var plan = GetPlan(schema, request, query);
            if (plan.Kind != RootKind.Subscription || plan.Roots.Count != 1 || plan.Roots[0].Rpc is not { Method.IsServerStreaming: true })
            {
                return (null, null, default, new GrpcCallError("A gRPC subscription must select exactly one field of a server-streaming RPC.", GrpcStatusCodes.PlanFailed));
            }

            return (schema, plan, variables, null);
        }
        catch (Exception ex) when (ex is GrpcSourceException or GrpcPlanException or JsonException)
        {
            if (ex is GrpcSourceException)
            {
                return (null, null, default, SourceUnavailableError(request, (GrpcSourceException)ex));
            }

            return (null, null, default, new GrpcCallError($"gRPC subgraph \"{request.ServiceName}\": {ex.Message}", GrpcStatusCodes.PlanFailed));
        }
    }
}
