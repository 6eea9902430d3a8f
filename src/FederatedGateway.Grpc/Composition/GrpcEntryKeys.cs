using FederatedGateway.Core.CompositionConfig;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.Grpc.Composition;

/// <summary>The keys a <c>grpc:</c> entry may have; a misspelt one is an error with its place and the closest key, not silently ignored.</summary>
internal static class GrpcEntryKeys
{
    private static readonly string[] s_single = ["url", "descriptor_set", "reflection", "int64_as_number", "services", "style"];
    private static readonly string[] s_nested = ["entities", "messages", "methods", "http", "enums"];

    public static void Check(YamlMappingNode grpc, string file, string where) =>
        new SourceOptionsReader(file, where).CheckEntry(grpc, s_single, s_nested);
}
