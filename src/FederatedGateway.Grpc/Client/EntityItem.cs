using FederatedGateway.Grpc.Codec;

namespace FederatedGateway.Grpc.Client;

/// <summary>One answer of an <c>_entities</c> fetch: the entity's bytes (a slice of a response) and how to write it, or why not.</summary>
internal readonly record struct EntityItem(byte[]? Buffer, int Start, int Length, OutputSelection? Selection, GrpcCallError? Error)
{
    public static EntityItem Failed(GrpcCallError error) => new(null, 0, 0, null, error);
}
