using System.Text.Json;
using FederatedGateway.Core.Composition;

namespace FederatedGateway.Core.CompositionConfig;

/// <summary>
/// Turns the entries of a <see cref="SupergraphConfig"/> into <see cref="SubgraphSource"/>s: reads schema files,
/// asks running subgraphs for <c>_service { sdl }</c>, and hands the sources of other kinds (<c>grpc</c>,
/// <c>openapi</c>, <c>soap</c>) to the resolver registered for their kind.
/// </summary>
public sealed class SubgraphSourceLoader
{
    private const string ServiceSdlRequest = """{"query":"{ _service { sdl } }"}""";

    private readonly HttpClient _http;
    private readonly Dictionary<string, SubgraphSchemaResolver> _resolvers = new(StringComparer.Ordinal);

    /// <param name="http">Client for <c>subgraph_url</c> sources (its timeout applies).</param>
    /// <param name="kinds">The resolvers of the other source kinds this host supports; an entry of a kind without one is refused.</param>
    public SubgraphSourceLoader(HttpClient http, params IEnumerable<SourceKindResolver> kinds)
    {
        _http = http;
        foreach (var kind in kinds)
        {
            _resolvers[kind.Kind] = kind.Resolve;
        }
    }

    /// <summary>The sources of the config's subgraphs, less those the gRPC resolver leaves out for now.</summary>
    /// <exception cref="SupergraphConfigException">A source cannot be read or fetched.</exception>
    public async Task<IReadOnlyList<SubgraphSource>> LoadAsync(SupergraphConfig config, CancellationToken cancellationToken)
    {
        var tasks = config.Subgraphs.Select(s => LoadAsync(s, cancellationToken)).ToList();
        return (await Task.WhenAll(tasks).ConfigureAwait(false)).OfType<SubgraphSource>().ToList();
    }

    private async Task<SubgraphSource?> LoadAsync(SubgraphConfig subgraph, CancellationToken cancellationToken)
    {
        if (subgraph.SchemaFile is not null)
        {
            try
            {
                var sdl = await File.ReadAllTextAsync(subgraph.SchemaFile, cancellationToken).ConfigureAwait(false);
                return new SubgraphSource(subgraph.Name, subgraph.RoutingUrl!, sdl, subgraph.SchemaFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\": cannot read schema file {subgraph.SchemaFile}: {ex.Message}", ex);
            }
        }

        if (subgraph.SubgraphUrl is not null)
        {
            return new SubgraphSource(subgraph.Name, subgraph.RoutingUrl ?? subgraph.SubgraphUrl, await FetchSdlAsync(subgraph, cancellationToken).ConfigureAwait(false), subgraph.SubgraphUrl);
        }

        var kind = subgraph.Source?.Kind ?? throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\" has no schema source.");
        if (!_resolvers.TryGetValue(kind, out var resolve))
        {
            throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\": {kind} sources are not supported by this host (it supports {string.Join(", ", _resolvers.Keys.Prepend("file, subgraph_url"))}).");
        }

        return await resolve(subgraph, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> FetchSdlAsync(SubgraphConfig subgraph, CancellationToken cancellationToken)
    {
        var url = subgraph.SubgraphUrl!;
        try
        {
            using var content = new StringContent(ServiceSdlRequest, System.Text.Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\": {url} answered HTTP {(int)response.StatusCode} to {{ _service {{ sdl }} }}.");
            }

            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("_service", out var service) && service.ValueKind == JsonValueKind.Object
                && service.TryGetProperty("sdl", out var sdl) && sdl.ValueKind == JsonValueKind.String)
            {
                return sdl.GetString()!;
            }

            throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\": {url} did not answer {{ _service {{ sdl }} }} (is it a federation subgraph?).");
        }
        catch (HttpRequestException ex)
        {
            throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\": cannot reach {url}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\": {url} did not answer within {_http.Timeout.TotalSeconds:0} s.", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or UriFormatException)
        {
            throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\": {url} cannot be asked for its schema: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\": {url} did not answer JSON: {ex.Message}", ex);
        }
    }
}
