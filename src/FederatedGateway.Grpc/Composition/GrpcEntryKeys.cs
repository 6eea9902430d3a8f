using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Core.Text;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.Grpc.Composition;

/// <summary>The keys a <c>grpc:</c> entry may have; a misspelt one is an error with its place and the closest key, not silently ignored.</summary>
internal static class GrpcEntryKeys
{
    private static readonly string[] s_single = ["url", "descriptor_set", "reflection", "int64_as_number", "services", "style"];
    private static readonly string[] s_nested = ["entities", "messages", "methods", "http", "enums"];

    public static void Check(YamlMappingNode grpc, string file, string where)
    {
        var known = s_single.Concat(s_nested).ToArray();
        foreach (var (key, value) in grpc.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw new SupergraphConfigException(
                    $"{file}:{key.Start.Line}:{key.Start.Column}: {where}: unknown option \"{name}\"{Suggestions.DidYouMean(name, known)} (known: {string.Join(", ", known)}).");
            }

            var nested = s_nested.Contains(name, StringComparer.Ordinal);
            if (nested != value is YamlMappingNode)
            {
                throw new SupergraphConfigException(
                    $"{file}:{value.Start.Line}:{value.Start.Column}: {where}: \"{name}\" must be {(nested ? "a mapping of names to options" : "a single value")}.");
            }
        }
    }
}
