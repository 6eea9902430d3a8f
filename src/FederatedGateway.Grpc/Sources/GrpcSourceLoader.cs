using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Sources;

/// <summary>Loads and translates a gRPC source, whatever kind it is.</summary>
public static class GrpcSourceLoader
{
    /// <exception cref="GrpcSourceException">The descriptors cannot be had or translated.</exception>
    public static async Task<GrpcSchema> LoadAsync(GrpcSourceDefinition source, string url, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var files = await LoadFilesAsync(source, url, timeout, cancellationToken).ConfigureAwait(false);
        return GrpcSchemaTranslator.Translate(files, source.Translation);
    }

    public static async Task<ProtoFiles> LoadFilesAsync(GrpcSourceDefinition source, string url, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Generated is { Count: > 0 } generated)
        {
            return ProtoFiles.FromGenerated(generated);
        }

        if (!string.IsNullOrEmpty(source.DescriptorSetPath))
        {
            return ProtoFiles.FromDescriptorSetFile(source.DescriptorSetPath);
        }

        return await ReflectionDescriptorSource.LoadAsync(source.ReflectionUrl ?? url, timeout, cancellationToken).ConfigureAwait(false);
    }
}
