using FederatedGateway.Grpc.Translation;
using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Sources;

/// <summary>
/// Where a gRPC subgraph's descriptors come from: Grpc.Tools-generated code (<see cref="Generated"/>), a descriptor-set
/// file (<see cref="DescriptorSetPath"/>), or server reflection against the service (<see cref="Reflection"/>, also
/// the fallback when nothing else is given).
/// </summary>
public sealed record GrpcSourceDefinition
{
    /// <summary>Generated file descriptors, e.g. <c>MarketDataReflection.Descriptor</c> (imports are followed).</summary>
    public IReadOnlyList<FileDescriptor>? Generated { get; init; }

    /// <summary>A <c>protoc --descriptor_set_out --include_imports</c> file.</summary>
    public string? DescriptorSetPath { get; init; }

    /// <summary>Ask the running service (grpc.reflection.v1, or v1alpha).</summary>
    public bool Reflection { get; init; }

    /// <summary>The reflection endpoint when it differs from the routing URL.</summary>
    public string? ReflectionUrl { get; init; }

    public TranslationOptions Translation { get; init; } = TranslationOptions.Default;

    /// <summary>fgw options from the config (entities, renames, method kinds…), merged into the descriptors' own.</summary>
    public Overlay.GrpcOptionsOverlay? Overlay { get; init; }
}
