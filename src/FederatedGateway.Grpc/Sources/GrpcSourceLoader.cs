using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Overlay;
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

    /// <summary>The source's descriptors, with the config's options (<see cref="GrpcSourceDefinition.Overlay"/>) written in.</summary>
    public static async Task<ProtoFiles> LoadFilesAsync(GrpcSourceDefinition source, string url, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var files = await LoadRawFilesAsync(source, url, timeout, cancellationToken).ConfigureAwait(false);
        return WithOverlay(source, files);
    }

    /// <summary>The options the config gives applied to <paramref name="files"/>; a config mistake throws here.</summary>
    public static ProtoFiles WithOverlay(GrpcSourceDefinition source, ProtoFiles files)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Overlay is { IsEmpty: false } overlay ? DescriptorOverlay.Apply(files, overlay) : files;
    }

    /// <summary>The source's descriptors as read (generated, a descriptor set or reflection), before the config's options.</summary>
    public static async Task<ProtoFiles> LoadRawFilesAsync(GrpcSourceDefinition source, string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
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
