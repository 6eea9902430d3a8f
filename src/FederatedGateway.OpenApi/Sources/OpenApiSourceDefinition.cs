using FederatedGateway.Core.CompositionConfig;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>
/// An <c>openapi:</c> entry of <c>supergraph.yaml</c>: <c>document</c> (a file relative to the config, or an http(s)
/// URL), and the options every translated source has (<see cref="ApiSourceDefinition"/>); a missing <c>base_url</c>
/// means the document's first absolute server.
/// </summary>
public sealed class OpenApiSourceDefinition : ApiSourceDefinition
{
    /// <summary>A full file path, or an http(s) URL.</summary>
    public string Document { get; private set; } = "";

    /// <exception cref="SupergraphConfigException">The entry is incomplete or has an unknown key or a value of the wrong kind.</exception>
    public static OpenApiSourceDefinition Read(SubgraphConfig subgraph, string configDirectory)
    {
        var definition = new OpenApiSourceDefinition();
        var options = definition.ReadShared(subgraph, SourceEntry.OpenApiKind, ["document"]);
        definition.Document = options.GetValueOrDefault("document") is { Length: > 0 } d
            ? FileOrUrl(d, configDirectory)
            : throw new SupergraphConfigException($"{definition.Where}: \"document\" (a file or an http(s) URL of the OpenAPI document) is required.");
        return definition;
    }
}
