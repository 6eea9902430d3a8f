namespace FederatedGateway.Grpc.Codec;

/// <summary>A value cannot be encoded into, or decoded from, the protobuf wire format; the message says where.</summary>
public sealed class ProtoCodecException : Exception
{
    public ProtoCodecException(string message)
        : base(message)
    {
    }
}
