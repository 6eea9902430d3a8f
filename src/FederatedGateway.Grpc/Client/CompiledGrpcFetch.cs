using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Client;

/// <summary>What the gRPC source keeps on a compiled fetch: its calls, and the descriptors they were compiled against.</summary>
internal sealed record CompiledGrpcFetch(GrpcSchema Schema, GrpcCallPlan Plan);
