namespace FederatedGateway.Core.CompositionConfig;

/// <summary>
/// A <c>supergraph.yaml</c> in the shape of rover's supergraph config:
/// <c>federation_version</c> and <c>subgraphs: &lt;name&gt;: { routing_url, schema: { file | subgraph_url | grpc } }</c>.
/// </summary>
public sealed class SupergraphConfig
{
    public SupergraphConfig(string path, string? federationVersion, IReadOnlyList<SubgraphConfig> subgraphs)
    {
        Path = path;
        FederationVersion = federationVersion;
        Subgraphs = subgraphs;
    }

    /// <summary>The config file's full path; relative schema files resolve against its folder.</summary>
    public string Path { get; }

    /// <summary>rover's <c>federation_version</c> as written (<c>=2.3.2</c>, <c>2</c>), when given.</summary>
    public string? FederationVersion { get; }

    /// <summary>True when <see cref="FederationVersion"/> asks for Federation 1 composition (major version 0 or 1).</summary>
    public bool AsksForFederation1 =>
        FederationVersion is { } v && v.TrimStart('=').Split('.')[0] is "0" or "1";

    public IReadOnlyList<SubgraphConfig> Subgraphs { get; }

    /// <summary>Files whose change means recomposing: the config, every schema file and every gRPC descriptor set it names.</summary>
    public IEnumerable<string> WatchedFiles() =>
        Subgraphs.Select(s => s.SchemaFile).Where(f => f is not null).Select(f => f!)
            .Concat(Subgraphs.Select(s => s.Grpc?.GetValueOrDefault("descriptor_set")).Where(f => !string.IsNullOrEmpty(f))
                .Select(f => System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, f!))))
            .Prepend(Path);
}

/// <summary>One subgraph entry of a <see cref="SupergraphConfig"/>.</summary>
/// <param name="Name">The subgraph name.</param>
/// <param name="RoutingUrl">Where the gateway sends requests; may be null when only the schema source's URL is known.</param>
/// <param name="SchemaFile">Full path of an SDL file, when the schema comes from a file.</param>
/// <param name="SubgraphUrl">A running subgraph to ask for <c>_service { sdl }</c>.</param>
/// <param name="Grpc">The <c>grpc:</c> mapping's single values as written (keys such as <c>url</c>, <c>descriptor_set</c>, <c>reflection</c>), for gRPC sources.</param>
public sealed record SubgraphConfig(
    string Name,
    string? RoutingUrl,
    string? SchemaFile,
    string? SubgraphUrl,
    IReadOnlyDictionary<string, string>? Grpc)
{
    /// <summary>
    /// The whole <c>grpc:</c> mapping (nested options included), with line and column, for the gRPC source to read and
    /// check key by key; null when the entry was not read from a file.
    /// </summary>
    public YamlDotNet.RepresentationModel.YamlMappingNode? GrpcNode { get; init; }

    /// <summary>The config file the entry was read from (for messages), when it was.</summary>
    public string? ConfigFile { get; init; }
}
