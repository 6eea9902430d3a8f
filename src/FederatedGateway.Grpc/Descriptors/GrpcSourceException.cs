namespace FederatedGateway.Grpc.Descriptors;

/// <summary>A gRPC source cannot be read or translated; the message says which source and why.</summary>
public sealed class GrpcSourceException : Exception
{
    public GrpcSourceException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
