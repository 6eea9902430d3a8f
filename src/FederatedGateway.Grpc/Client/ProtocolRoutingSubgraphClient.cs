using FederatedGateway.Execution.Transport;
using FederatedGateway.Grpc.Descriptors;

namespace FederatedGateway.Grpc.Client;

/// <summary>Routes each fetch by its subgraph URL's scheme: <c>grpc://</c>/<c>grpcs://</c> to gRPC, anything else to HTTP.</summary>
public sealed class ProtocolRoutingSubgraphClient : ISubgraphClient, IDisposable
{
    private readonly ISubgraphClient _http;
    private readonly ISubgraphClient _grpc;

    public ProtocolRoutingSubgraphClient(ISubgraphClient http, ISubgraphClient grpc)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(grpc);
        _http = http;
        _grpc = grpc;
    }

    /// <summary>Disposes the HTTP client (created for this router); the gRPC client has its own owner.</summary>
    public void Dispose() => (_http as IDisposable)?.Dispose();

    public ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GrpcAddress.IsGrpc(request.Url) ? _grpc.SendAsync(request, cancellationToken) : _http.SendAsync(request, cancellationToken);
    }
}
