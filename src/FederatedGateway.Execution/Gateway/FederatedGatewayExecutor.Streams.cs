using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Subscriptions;

namespace FederatedGateway.Execution.Gateway;

/// <summary>Streams (WebSocket, SSE): the same pipeline, answered with a stream of messages.</summary>
public sealed partial class FederatedGatewayExecutor : IGatewayStreamExecutor
{
    public async ValueTask<GatewayStream> StartAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            return GatewayStream.Rejected(NotLoaded());
        }

        var context = new RequestContext(request, snapshot, RequestMode.Stream, cancellationToken) { ErrorPolicy = SubgraphErrors };
        await RunAsync(context).ConfigureAwait(false);
        return context.Stream ?? GatewayStream.Rejected(context.Result!);
    }

    /// <summary>The <c>errors</c> array of an error result, as UTF-8 JSON.</summary>
    public static ReadOnlyMemory<byte> ErrorsOf(GatewayResult result) => GatewayErrors.ErrorsOf(result);
}
