using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.OpenApi.Auth;
using FederatedGateway.OpenApi.Translation;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>
/// What every translated source's entry (<c>openapi:</c>, <c>soap:</c>) configures besides its description:
/// <c>base_url</c> (else <c>routing_url</c>), <c>entities</c>, <c>types</c>, <c>operations</c>, <c>headers</c> and
/// <c>auth</c>. Every key is checked.
/// </summary>
public abstract class ApiSourceDefinition
{
    /// <summary>The service's URL; null means the description's own (an OpenAPI server, a WSDL port address).</summary>
    public Uri? BaseUrl { get; private set; }

    public ApiTranslationOptions Translation { get; private set; } = ApiTranslationOptions.None;

    /// <summary>Headers sent with every call, values with <c>${VAR}</c> read when the source is made.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; private set; } = new Dictionary<string, string>();

    public SourceAuthOptions? Auth { get; private set; }

    /// <summary>The entry's description for messages (<c>subgraph "x": openapi</c>).</summary>
    public string Where { get; private set; } = "";

    /// <summary>Reads the shared options; returns the entry's single values for the kind's own.</summary>
    /// <param name="single">The kind's own single-value keys (besides <c>base_url</c>).</param>
    /// <exception cref="SupergraphConfigException">An option is unknown or has a value of the wrong kind.</exception>
    protected IReadOnlyDictionary<string, string> ReadShared(SubgraphConfig subgraph, string kind, string[] single)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        Where = $"subgraph \"{subgraph.Name}\": {kind}";
        var entry = subgraph.Source is { } source && source.Kind == kind ? source : throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\" has no {kind} source.");
        var reader = new SourceOptionsReader(subgraph.ConfigFile ?? "supergraph config", Where);
        var translation = new ApiTranslationOptions();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (entry.Node is { } node)
        {
            reader.CheckEntry(node, [.. single, "base_url"], [.. ApiOptionsReader.Keys, "headers", "auth"]);
            ApiOptionsReader.Read(reader, node, translation);
            foreach (var (name, value) in reader.Elements(node, "headers"))
            {
                headers[name] = value is YamlScalarNode { Value: { } text } ? text : throw reader.Error(value, $"header \"{name}\" must be a single value.");
            }

            Auth = SourceAuthOptions.Read(reader, node);
        }

        var baseUrl = entry.Options.GetValueOrDefault("base_url") ?? subgraph.RoutingUrl;
        if (baseUrl is not null)
        {
            BaseUrl = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new SupergraphConfigException($"{Where}: \"base_url\" (or routing_url) must be an absolute http(s) URL, not \"{baseUrl}\".");
        }

        Translation = translation;
        Headers = headers;
        return entry.Options;
    }

    /// <summary>A file option resolved against the config's folder (a URL as it is).</summary>
    protected static string FileOrUrl(string value, string configDirectory) =>
        SourceEntry.IsUrl(value) ? value : Path.GetFullPath(Path.Combine(configDirectory, value));

    /// <summary>The headers to send (environment read, basic credentials added) and the credentials to apply.</summary>
    public (IReadOnlyDictionary<string, string> Headers, SourceCredentials? Credentials) Credentials()
    {
        var headers = SourceDocuments.ExpandHeaders(Headers, Where);
        if (Auth?.Create(Where, SourceDocuments.TokenClient) is not { } created)
        {
            return (headers, null);
        }

        if (created.Header is { } header)
        {
            headers[header.Key] = header.Value;
        }

        return (headers, created.Credentials);
    }
}
