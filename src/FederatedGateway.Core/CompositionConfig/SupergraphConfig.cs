namespace FederatedGateway.Core.CompositionConfig;

/// <summary>
/// A <c>supergraph.yaml</c> in the shape of rover's supergraph config:
/// <c>federation_version</c> and <c>subgraphs: &lt;name&gt;: { routing_url, schema: { file | subgraph_url | grpc | openapi | soap } }</c>.
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

    /// <summary>
    /// Files whose change means recomposing: the config, every schema file, and every file a source names
    /// (a gRPC descriptor set, an OpenAPI document, a WSDL; URLs are not watched).
    /// </summary>
    public IEnumerable<string> WatchedFiles() =>
        Subgraphs.Select(s => s.SchemaFile).Where(f => f is not null).Select(f => f!)
            .Concat(Subgraphs.SelectMany(s => s.Source?.Files ?? []).Where(f => f.Length > 0 && !SourceEntry.IsUrl(f))
                .Select(f => System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, f))))
            .Prepend(Path);
}

/// <summary>One subgraph entry of a <see cref="SupergraphConfig"/>.</summary>
/// <param name="Name">The subgraph name.</param>
/// <param name="RoutingUrl">Where the gateway sends requests; may be null when only the schema source's URL is known.</param>
/// <param name="SchemaFile">Full path of an SDL file, when the schema comes from a file.</param>
/// <param name="SubgraphUrl">A running subgraph to ask for <c>_service { sdl }</c>.</param>
public sealed record SubgraphConfig(
    string Name,
    string? RoutingUrl,
    string? SchemaFile,
    string? SubgraphUrl)
{
    /// <summary>The entry's source of another kind (<c>grpc:</c>, <c>openapi:</c>, <c>soap:</c>), when it has one.</summary>
    public SourceEntry? Source { get; init; }

    /// <summary>The <c>grpc:</c> mapping's single values, for gRPC sources (null for other kinds).</summary>
    public IReadOnlyDictionary<string, string>? Grpc => Source is { Kind: SourceEntry.GrpcKind } source ? source.Options : null;

    /// <summary>The config file the entry was read from (for messages), when it was.</summary>
    public string? ConfigFile { get; init; }
}

/// <summary>
/// A <c>schema: { &lt;kind&gt;: { … } }</c> source: its kind, the mapping's single values as written, and the whole
/// mapping (nested options included, with line and column) for the source kind to read and check key by key.
/// </summary>
/// <param name="Node">The mapping as read; null when the entry was not read from a file.</param>
public sealed record SourceEntry(string Kind, IReadOnlyDictionary<string, string> Options, YamlDotNet.RepresentationModel.YamlMappingNode? Node)
{
    public const string GrpcKind = "grpc";
    public const string OpenApiKind = "openapi";
    public const string SoapKind = "soap";

    /// <summary>The source kinds a <c>schema:</c> may name besides <c>file</c> and <c>subgraph_url</c>.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [GrpcKind, OpenApiKind, SoapKind];

    /// <summary>The options naming files whose change means recomposing, when they are not URLs.</summary>
    private static readonly string[] FileOptions = ["descriptor_set", "document", "wsdl"];

    /// <summary>The files this source names (as written, relative to the config file).</summary>
    public IEnumerable<string> Files => FileOptions.Select(key => Options.GetValueOrDefault(key)).OfType<string>();

    /// <summary>Whether a file option names a document on the web (http or https) rather than a file.</summary>
    public static bool IsUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
