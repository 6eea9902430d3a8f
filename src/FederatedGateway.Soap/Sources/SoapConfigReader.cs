using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.OpenApi.Sources;
using FederatedGateway.OpenApi.Translation;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.Soap.Sources;

/// <summary>
/// Reads a <c>soap:</c> entry of <c>supergraph.yaml</c>: <c>wsdl</c> (a file relative to the config, or an http(s)
/// URL), <c>port</c>, <c>base_url</c> (else <c>routing_url</c>, else the port's address), and the options every
/// translated service has (<c>entities</c>, <c>types</c>, <c>operations</c>, <c>headers</c>). Every key is checked.
/// </summary>
public static class SoapConfigReader
{
    private static readonly string[] s_single = ["wsdl", "port", "base_url"];
    private static readonly string[] s_nested = [.. ApiOptionsReader.Keys, "headers"];

    /// <exception cref="SupergraphConfigException">The entry is incomplete or has an unknown key or a value of the wrong kind.</exception>
    public static SoapSourceDefinition Read(SubgraphConfig subgraph, string configDirectory)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        var where = $"subgraph \"{subgraph.Name}\": soap";
        var entry = subgraph.Source is { Kind: SourceEntry.SoapKind } source ? source : throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\" has no soap source.");
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

        var wsdl = entry.Options.GetValueOrDefault("wsdl") is { Length: > 0 } w ? w : throw new SupergraphConfigException($"{where}: \"wsdl\" (a file or an http(s) URL of the WSDL) is required.");
        var baseUrl = entry.Options.GetValueOrDefault("base_url") ?? subgraph.RoutingUrl;
        Uri? baseUri = null;
        if (baseUrl is not null && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out baseUri) || baseUri.Scheme is not ("http" or "https")))
        {
            throw new SupergraphConfigException($"{where}: \"base_url\" (or routing_url) must be an absolute http(s) URL, not \"{baseUrl}\".");
        }

        return new SoapSourceDefinition
        {
            Wsdl = SourceEntry.IsUrl(wsdl) ? wsdl : Path.GetFullPath(Path.Combine(configDirectory, wsdl)),
            BaseUrl = baseUri,
            Port = entry.Options.GetValueOrDefault("port"),
            Translation = translation,
            Headers = headers,
        };
    }
}
