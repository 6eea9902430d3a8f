using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// What balanced channels to a gRPC subgraph's replicas own besides the channels: their handlers and the resolver's
/// service provider, disposed with the channel pair (which disposes the one handler it is given).
/// </summary>
internal sealed class GrpcReplicaResources(HttpMessageHandler writes, HttpMessageHandler? reads, ServiceProvider provider) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Only disposed with its channels; calls go through the channels' own handlers.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            writes.Dispose();
            reads?.Dispose();
            provider.Dispose();
        }

        base.Dispose(disposing);
    }
}
