using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Client;

/// <summary>Gives the translated schema of a gRPC subgraph at run time (the same translation composition used).</summary>
public interface IGrpcSchemaProvider
{
    /// <exception cref="Descriptors.GrpcSourceException">The source's descriptors cannot be had.</exception>
    ValueTask<GrpcSchema> GetSchemaAsync(string subgraphName, string url, CancellationToken cancellationToken);
}
