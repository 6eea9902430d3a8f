using System.Text;
using FederatedGateway.Core.Composition;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Grpc.Composition;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// A <c>supergraph.yaml</c> (<c>--config</c>, for local development): its subgraph sources are read (files,
/// <c>_service { sdl }</c> of running subgraphs, gRPC, OpenAPI and SOAP sources when supported) and composed on every load. A gRPC
/// reflection source left out (or composed from its cache) because it could not be read asks for a new load when it
/// answers again (<see cref="Changed"/>).
/// </summary>
internal sealed class ComposedSupergraphSource : ISupergraphSource
{
    private readonly string _configPath;
    private readonly IReadOnlyList<SourceKindResolver> _kinds;
    private IReadOnlyCollection<string> _watched;

    public ComposedSupergraphSource(string configPath, IEnumerable<SourceKindResolver> kinds, GrpcSourceRecovery? grpcRecovery = null)
    {
        _configPath = configPath;
        _kinds = kinds.ToList();
        _watched = new[] { Path.GetFullPath(configPath) };
        if (grpcRecovery is not null)
        {
            grpcRecovery.SourceAppeared += _ => Changed?.Invoke();
        }
    }

    public event Action? Changed;

    public string Description => _configPath;

    public IReadOnlyCollection<string> WatchedFiles => _watched;

    public IReadOnlyList<string> Notes { get; private set; } = Array.Empty<string>();

    public async Task<string> LoadSdlAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SubgraphSource> sources;
        try
        {
            var config = SupergraphConfigReader.Read(_configPath);
            _watched = config.WatchedFiles().ToList();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            sources = await new SubgraphSourceLoader(http, _kinds).LoadAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (SupergraphConfigException ex)
        {
            throw new SupergraphLoadException($"The supergraph config \"{_configPath}\" cannot be used: {ex.Message}", ex);
        }

        var result = SupergraphComposer.Compose(sources);
        if (!result.Succeeded)
        {
            var message = new StringBuilder($"Composing \"{_configPath}\" failed with {result.Errors.Count} error(s):");
            foreach (var error in result.Errors)
            {
                message.Append('\n').Append(error.ToString());
            }

            throw new SupergraphLoadException(message.ToString());
        }

        Notes = result.Hints.Select(h => $"composition hint {h.Code}: {h.Message}").ToList();
        return result.SupergraphSdl!;
    }
}
