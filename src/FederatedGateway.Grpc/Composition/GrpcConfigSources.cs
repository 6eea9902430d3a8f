using System.Globalization;
using FederatedGateway.Core.Composition;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Overlay;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Composition;

/// <summary>
/// The <c>schema: { grpc: { … } }</c> entries of <c>supergraph.yaml</c>:
/// <c>url</c> (grpc://host:port, the routing URL unless <c>routing_url</c> is given), and one of
/// <c>descriptor_set: file.pb</c> (relative to the config file) or <c>reflection: true</c>; optionally
/// <c>int64_as_number: true</c>, <c>services: pkg.A, pkg.B</c> and <c>style: idiomatic | mirror</c>.
/// </summary>
public static class GrpcConfigSources
{
    /// <summary>
    /// A resolver for <see cref="SubgraphSourceLoader"/> that translates each gRPC entry and, when
    /// <paramref name="registry"/> is given, registers the same source for the gateway's gRPC client. With
    /// <paramref name="recovery"/>, a reflection source that cannot be read does not fail composition: it is composed
    /// from its cached descriptors, or left out (the resolver answers null), and tried again in the background.
    /// </summary>
    /// <param name="configDirectory">The folder of the config file (relative descriptor sets resolve against it).</param>
    public static SourceKindResolver Resolver(string configDirectory, GrpcSourceRegistry? registry = null, TimeSpan? timeout = null, GrpcSourceRecovery? recovery = null) =>
        new(SourceEntry.GrpcKind, async (subgraph, cancellationToken) =>
        {
            var (url, source) = Read(subgraph, configDirectory);
            GrpcSchema schema;
            try
            {
                // Only reading the descriptors may find the service unreachable; the config's options are applied
                // after, so a mistake in them fails composition instead of leaving the source out and retrying it.
                ProtoFiles files;
                try
                {
                    files = await GrpcSourceLoader.LoadRawFilesAsync(source, url, timeout ?? TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                    if (source.Reflection)
                    {
                        recovery?.Loaded(subgraph.Name, files);
                    }
                }
                catch (GrpcSourceException ex) when (source.Reflection && recovery is not null)
                {
                    if (recovery.Unreachable(subgraph.Name, source, url, ex) is not { } cached)
                    {
                        return null;
                    }

                    files = cached;
                }

                schema = GrpcSchemaTranslator.Translate(GrpcSourceLoader.WithOverlay(source, files), source.Translation);
            }
            catch (GrpcSourceException ex)
            {
                throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\": {ex.Message}", ex);
            }

            registry?.Add(subgraph.Name, source);
            registry?.Add(subgraph.Name, schema, url);
            return new SubgraphSource(subgraph.Name, url, schema.Sdl, schema.Origin) { LineOrigins = schema.LineOrigins };
        });

    /// <summary>The routing URL and source definition of a config entry.</summary>
    /// <exception cref="SupergraphConfigException">The entry is incomplete or contradictory.</exception>
    public static (string Url, GrpcSourceDefinition Source) Read(SubgraphConfig subgraph, string configDirectory)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        var where = $"subgraph \"{subgraph.Name}\": grpc";
        var grpc = subgraph.Grpc ?? throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\" has no grpc source.");
        var file = subgraph.ConfigFile ?? "supergraph config";
        if (subgraph.Source?.Node is { } node)
        {
            GrpcEntryKeys.Check(node, file, where);
        }
        var target = grpc.GetValueOrDefault("url");
        var url = subgraph.RoutingUrl ?? target;
        if (string.IsNullOrWhiteSpace(url) || !GrpcAddress.IsGrpc(url))
        {
            throw new SupergraphConfigException($"{where}: \"url\" (or routing_url) must be grpc://host:port or grpcs://host:port, not \"{url}\".");
        }

        var descriptorSet = grpc.GetValueOrDefault("descriptor_set");
        var reflection = Flag(grpc, "reflection", where);
        if (string.IsNullOrEmpty(descriptorSet) == !reflection)
        {
            throw new SupergraphConfigException($"{where}: give exactly one of \"descriptor_set: <file>\" or \"reflection: true\".");
        }

        var services = grpc.GetValueOrDefault("services")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var source = new GrpcSourceDefinition
        {
            DescriptorSetPath = string.IsNullOrEmpty(descriptorSet) ? null : Path.GetFullPath(Path.Combine(configDirectory, descriptorSet)),
            Reflection = reflection,
            ReflectionUrl = reflection && target is not null && GrpcAddress.IsGrpc(target) ? target : null,
            Translation = new TranslationOptions { Int64AsNumber = Flag(grpc, "int64_as_number", where), Services = services, Style = Style(grpc, where) },
            Overlay = subgraph.Source?.Node is { } options ? GrpcOptionsOverlayReader.Read(options, file, where) : null,
        };
        return (url, source);
    }

    private static TranslationStyle Style(IReadOnlyDictionary<string, string> grpc, string where) =>
        grpc.GetValueOrDefault("style") switch
        {
            null or "" or "idiomatic" => TranslationStyle.Idiomatic,
            "mirror" => TranslationStyle.Mirror,
            var other => throw new SupergraphConfigException($"{where}: \"style\" must be idiomatic or mirror, not \"{other}\"."),
        };

    private static bool Flag(IReadOnlyDictionary<string, string> grpc, string key, string where) =>
        grpc.GetValueOrDefault(key) switch
        {
            null or "" or "false" => false,
            "true" => true,
            var other => throw new SupergraphConfigException(string.Create(CultureInfo.InvariantCulture, $"{where}: \"{key}\" must be true or false, not \"{other}\".")),
        };
}
