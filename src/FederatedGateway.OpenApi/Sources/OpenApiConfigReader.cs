using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.OpenApi.Translation;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>
/// Reads an <c>openapi:</c> entry of <c>supergraph.yaml</c>: <c>document</c> (a file relative to the config, or an
/// http(s) URL), <c>base_url</c> (else <c>routing_url</c>, else the document's first server), <c>entities</c>,
/// <c>types</c> (relation fields), <c>operations</c> (the root each goes to) and <c>headers</c>. Every key is checked.
/// </summary>
public static class OpenApiConfigReader
{
    private static readonly string[] s_single = ["document", "base_url"];
    private static readonly string[] s_nested = [.. ApiOptionsReader.Keys, "headers"];

    /// <exception cref="SupergraphConfigException">The entry is incomplete or has an unknown key or a value of the wrong kind.</exception>
    public static OpenApiSourceDefinition Read(SubgraphConfig subgraph, string configDirectory)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        var where = $"subgraph \"{subgraph.Name}\": openapi";
        var entry = subgraph.Source is { Kind: SourceEntry.OpenApiKind } source ? source : throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\" has no openapi source.");
        var reader = new SourceOptionsReader(subgraph.ConfigFile ?? "supergraph config", where);
        var translation = new ApiTranslationOptions();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (entry.Node is { } node)
        {
            reader.CheckEntry(node, s_single, s_nested);
            ApiOptionsReader.Read(reader, node, translation);
            foreach (var (name, value) in reader.Elements(node, "headers"))
            {
                headers[name] = value is YamlScalarNode { Value: { } text } ? text : throw reader.Error(value, $"header \"{name}\" must be a single value.");
            }
        }

        var document = entry.Options.GetValueOrDefault("document") is { Length: > 0 } d ? d : throw new SupergraphConfigException($"{where}: \"document\" (a file or an http(s) URL of the OpenAPI document) is required.");
        var baseUrl = entry.Options.GetValueOrDefault("base_url") ?? subgraph.RoutingUrl;
        Uri? baseUri = null;
        if (baseUrl is not null && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out baseUri) || baseUri.Scheme is not ("http" or "https")))
        {
            throw new SupergraphConfigException($"{where}: \"base_url\" (or routing_url) must be an absolute http(s) URL, not \"{baseUrl}\".");
        }

        return new OpenApiSourceDefinition
        {
            Document = SourceEntry.IsUrl(document) ? document : Path.GetFullPath(Path.Combine(configDirectory, document)),
            BaseUrl = baseUri,
            Translation = translation,
            Headers = headers,
        };
    }
}
