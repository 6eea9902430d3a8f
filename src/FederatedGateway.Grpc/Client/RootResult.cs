namespace FederatedGateway.Grpc.Client;

/// <summary>What one root field of a fetch produced: an RPC answer, entity answers, or an error.</summary>
internal sealed class RootResult
{
    public byte[]? Response { get; init; }

    public GrpcCallError? Error { get; init; }

    public EntityItem[]? Entities { get; init; }
}
