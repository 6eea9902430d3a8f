namespace FederatedGateway.Grpc.Client;

/// <summary>A subgraph operation that the gRPC source cannot answer (unknown field, unsupported construct).</summary>
internal sealed class GrpcPlanException : Exception
{
    public GrpcPlanException(string message)
        : base(message)
    {
    }
}
