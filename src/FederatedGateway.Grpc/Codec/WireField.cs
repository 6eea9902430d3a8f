namespace FederatedGateway.Grpc.Codec;

/// <summary>One field occurrence on the wire: its number and wire type, and either a scalar or a byte range.</summary>
internal readonly record struct WireField(int Number, int WireType, ulong Scalar, int Start, int Length);
